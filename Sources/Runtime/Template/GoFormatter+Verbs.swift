#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import VM

/// The verbs of integers, floats and strings (a port of `fmt/format.go`).
extension GoFormatter {
    private static let lowerDigits = Array("0123456789abcdefx".utf8)
    private static let upperDigits = Array("0123456789ABCDEFX".utf8)

    mutating func fmtIntegerVerb(_ value: Int64, unsigned: Bool, verb: Character, value original: GoValue) throws(TemplateError) {
        let bits = UInt64(bitPattern: value)
        switch verb {
        case "v" where flags.sharpV && unsigned:
            let sharp = flags.sharp
            flags.sharp = true
            fmtInteger(bits, base: 16, signed: false, verb: verb, upper: false)
            flags.sharp = sharp
        case "v", "d": fmtInteger(bits, base: 10, signed: !unsigned, verb: verb, upper: false)
        case "b": fmtInteger(bits, base: 2, signed: !unsigned, verb: verb, upper: false)
        case "o", "O": fmtInteger(bits, base: 8, signed: !unsigned, verb: verb, upper: false)
        case "x", "X": fmtInteger(bits, base: 16, signed: !unsigned, verb: verb, upper: verb == "X")
        case "c": padString(String(Character(GoFormatter.rune(bits))))
        case "q":
            padString(GoQuoting.quote(String(Character(GoFormatter.rune(bits))), delimiter: "'", mode: flags.plus ? .ascii : .printable))
        case "U": fmtUnicode(bits)
        default: try badVerb(verb, original)
        }
    }

    /// The rune for `%c`/`%q`, U+FFFD when out of range.
    private static func rune(_ bits: UInt64) -> Unicode.Scalar {
        bits <= 0x10FFFF ? Unicode.Scalar(UInt32(bits)) ?? "\u{FFFD}" : "\u{FFFD}"
    }

    /// Go's `fmt.fmtInteger`: precision or zero padding, `#` prefixes, sign, then padding.
    private mutating func fmtInteger(_ bits: UInt64, base: UInt64, signed: Bool, verb: Character, upper: Bool) {
        let negative = signed && Int64(bitPattern: bits) < 0
        var u = negative ? 0 &- bits : bits
        var precision = 0
        if let explicit = flags.precision {
            precision = explicit
            if precision == 0 && u == 0 {  // "%.0d" of zero prints nothing but the padding
                let zero = flags.zero
                flags.zero = false
                padString("")
                flags.zero = zero
                return
            }
        } else if flags.zero, let width = flags.width {
            precision = width
            if negative || flags.plus || flags.space { precision -= 1 }  // room for the sign
        }
        let digits = upper ? GoFormatter.upperDigits : GoFormatter.lowerDigits
        var buffer: [UInt8] = []
        repeat {
            buffer.append(digits[Int(u % base)])
            u /= base
        } while u > 0
        while buffer.count < precision { buffer.append(UInt8(ascii: "0")) }
        if flags.sharp {
            switch base {
            case 2: buffer += [UInt8(ascii: "b"), UInt8(ascii: "0")]
            case 8: if buffer.last != UInt8(ascii: "0") { buffer.append(UInt8(ascii: "0")) }
            case 16: buffer += [digits[16], UInt8(ascii: "0")]
            default: break
            }
        }
        if verb == "O" { buffer += [UInt8(ascii: "o"), UInt8(ascii: "0")] }
        if negative {
            buffer.append(UInt8(ascii: "-"))
        } else if flags.plus {
            buffer.append(UInt8(ascii: "+"))
        } else if flags.space {
            buffer.append(UInt8(ascii: " "))
        }
        let zero = flags.zero
        flags.zero = false  // zero padding was handled as precision
        padString(String(decoding: buffer.reversed(), as: UTF8.self))
        flags.zero = zero
    }

    /// `%U`: `U+0041`, with `#` also the quoted character.
    private mutating func fmtUnicode(_ bits: UInt64) {
        let text = GoFormatter.unicodeNotation(bits, digits: max(4, flags.precision ?? 4), sharp: flags.sharp)
        let zero = flags.zero
        flags.zero = false
        padString(text)
        flags.zero = zero
    }

    /// The text of `%U`: `U+` and at least `digits` upper-case hex digits; with `sharp` (`%#U`)
    /// also the character in single quotes when it is printable (`U+0024 '$'`).
    static func unicodeNotation(_ bits: UInt64, digits: Int = 4, sharp: Bool) -> String {
        let hex = String(bits, radix: 16, uppercase: true)
        var text = "U+" + String(repeating: "0", count: max(0, digits - hex.count)) + hex
        if sharp, bits <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(bits)), GoQuoting.isPrint(scalar) {
            text += " '" + String(Character(scalar)) + "'"
        }
        return text
    }

    mutating func fmtStringVerb(_ s: String, verb: Character, value: GoValue) throws(TemplateError) {
        switch verb {
        case "v" where flags.sharpV, "q":
            let cut = truncate(s)
            if flags.sharp && Strconv.canBackquote(cut) {
                padString("`" + cut + "`")
            } else {
                padString(GoQuoting.quote(cut, mode: flags.plus ? .ascii : .printable))
            }
        case "v", "s": fmtS(s)
        case "x", "X": fmtSx(s, upper: verb == "X")
        default: try badVerb(verb, value)
        }
    }

    /// `%x` of a string: two hex digits per byte (up to the precision), `#` adds `0x`, the
    /// space flag separates the bytes.
    private mutating func fmtSx(_ s: String, upper: Bool) {
        let digits = upper ? GoFormatter.upperDigits : GoFormatter.lowerDigits
        var bytes = Array(s.utf8)
        if let precision = flags.precision, precision < bytes.count { bytes = Array(bytes.prefix(precision)) }
        guard !bytes.isEmpty else {
            if let width = flags.width { out += String(repeating: flags.zero ? "0" : " ", count: width) }
            return
        }
        var encoded: [UInt8] = flags.sharp ? [UInt8(ascii: "0"), digits[16]] : []
        for (i, byte) in bytes.enumerated() {
            if flags.space && i > 0 {
                encoded.append(UInt8(ascii: " "))
                if flags.sharp { encoded += [UInt8(ascii: "0"), digits[16]] }
            }
            encoded += [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
        }
        padString(String(decoding: encoded, as: UTF8.self))
    }

    mutating func fmtFloatVerb(_ f: Double, verb: Character, value: GoValue) throws(TemplateError) {
        switch verb {
        case "v": try fmtFloat(f, verb: "g", precision: -1)
        case "g", "G": try fmtFloat(f, verb: verb, precision: -1)
        case "e", "E", "f": try fmtFloat(f, verb: verb, precision: 6)
        case "F": try fmtFloat(f, verb: "f", precision: 6)
        case "b", "x", "X": throw TemplateError("printf: %\(verb) of float64 is not supported")
        default: try badVerb(verb, value)
        }
    }

    /// Go's `fmt.fmtFloat`: the number with an explicit sign, then sign flags and padding
    /// (zeros go after the sign; never for `NaN`/`Inf`).
    private mutating func fmtFloat(_ v: Double, verb: Character, precision defaultPrecision: Int) throws(TemplateError) {
        if flags.sharp { throw TemplateError("printf: the # flag on %\(verb) is not supported") }
        var num = Array(GoFormatter.formatFloat(v, verb: verb, precision: flags.precision ?? defaultPrecision).utf8)
        if flags.space && num[0] == UInt8(ascii: "+") && !flags.plus { num[0] = UInt8(ascii: " ") }
        if num[1] == UInt8(ascii: "I") || num[1] == UInt8(ascii: "N") {
            let zero = flags.zero
            flags.zero = false
            if num[1] == UInt8(ascii: "N") && !flags.space && !flags.plus { num.removeFirst() }
            padString(String(decoding: num, as: UTF8.self))
            flags.zero = zero
            return
        }
        if flags.plus || num[0] != UInt8(ascii: "+") {
            if flags.zero, let width = flags.width, width > num.count {
                out += String(decoding: num[..<1], as: UTF8.self) + String(repeating: "0", count: width - num.count)
                out += String(decoding: num[1...], as: UTF8.self)
                return
            }
            padString(String(decoding: num, as: UTF8.self))
            return
        }
        padString(String(decoding: num[1...], as: UTF8.self))
    }

    /// Go's `strconv.FormatFloat` with a leading sign (`+` or `-`) always present. Precision
    /// -1 is the shortest representation that reads back exactly (only used with `g`/`G`).
    static func formatFloat(_ v: Double, verb: Character, precision: Int) -> String {
        let sign = v.sign == .minus ? "-" : "+"
        if v.isNaN { return "+NaN" }
        if v.isInfinite { return sign + "Inf" }
        if precision >= 0 { return cFormat(v, verb: verb, precision: precision) }
        guard v != 0 else { return sign + "0" }
        let (digits, dp) = Value.shortestDecimal(v)
        let exponent = dp - 1
        if exponent < -4 || exponent >= 6 {  // Go uses precision 6 for this choice when shortest
            var text = String(digits.first!)
            if digits.count > 1 { text += "." + digits.dropFirst() }
            let e = abs(exponent)
            text += (verb == "G" ? "E" : "e") + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
            return sign + text
        }
        if dp <= 0 { return sign + "0." + String(repeating: "0", count: -dp) + digits }
        if dp >= digits.count { return sign + digits + String(repeating: "0", count: dp - digits.count) }
        return sign + digits.prefix(dp) + "." + digits.dropFirst(dp)
    }

    /// `%e %E %f %g %G` with an explicit precision through C's correctly rounded `printf`,
    /// which agrees with Go's for finite values; the sign is made explicit.
    private static func cFormat(_ v: Double, verb: Character, precision: Int) -> String {
        let spec = "%+.\(precision)\(verb)"
        var buffer = [CChar](repeating: 0, count: 330 + precision)  // %f of 1e308 has 309 digits
        _ = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList([v]) { vsnprintf(pointer.baseAddress, pointer.count, spec, $0) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
