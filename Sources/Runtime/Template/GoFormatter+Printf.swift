/// `fmt.Sprintf`: parsing the format (a port of Go's `doPrintf`).
extension GoFormatter {
    /// Formats `args` with `format` as Go's `fmt.Sprintf` does.
    static func sprintf(_ format: String, _ args: [GoValue]) throws(TemplateError) -> String {
        var formatter = GoFormatter()
        try formatter.doPrintf(Array(format.utf8), args)
        return formatter.out
    }

    private mutating func doPrintf(_ format: [UInt8], _ args: [GoValue]) throws(TemplateError) {
        let end = format.count
        var argNum = 0
        var afterIndex = false  // the previous item was an index like [3]
        var reordered = false
        var i = 0
        formatLoop: while i < end {
            var goodArgNum = true
            let literalStart = i
            while i < end && format[i] != UInt8(ascii: "%") { i += 1 }
            if i > literalStart { out += String(decoding: format[literalStart..<i], as: UTF8.self) }
            if i >= end { break }
            i += 1  // past the %
            flags = Flags()
            flagLoop: while i < end {
                switch format[i] {
                case UInt8(ascii: "#"): flags.sharp = true
                case UInt8(ascii: "0"): flags.zero = !flags.minus  // only pad with zeros on the left
                case UInt8(ascii: "+"): flags.plus = true
                case UInt8(ascii: "-"): flags.minus = true; flags.zero = false
                case UInt8(ascii: " "): flags.space = true
                default: break flagLoop
                }
                i += 1
            }
            // An explicit argument index, then the width.
            (argNum, i, afterIndex) = argNumber(argNum, format, i, args.count, &reordered, &goodArgNum)
            if i < end && format[i] == UInt8(ascii: "*") {
                i += 1
                let (width, ok, next) = GoFormatter.intFromArg(args, argNum)
                argNum = next
                flags.width = ok ? width : nil
                if !ok { out += "%!(BADWIDTH)" }
                if let width = flags.width, width < 0 {
                    flags.width = -width
                    flags.minus = true
                    flags.zero = false
                }
                afterIndex = false
            } else {
                let (width, found, next) = GoFormatter.parseNumber(format, i, end)
                (flags.width, i) = (found ? width : nil, next)
                if afterIndex && found { goodArgNum = false }  // "%[3]2d"
            }
            // The precision.
            if i + 1 < end && format[i] == UInt8(ascii: ".") {
                i += 1
                if afterIndex { goodArgNum = false }  // "%[3].2d"
                (argNum, i, afterIndex) = argNumber(argNum, format, i, args.count, &reordered, &goodArgNum)
                if i < end && format[i] == UInt8(ascii: "*") {
                    i += 1
                    let (precision, ok, next) = GoFormatter.intFromArg(args, argNum)
                    argNum = next
                    flags.precision = ok && precision >= 0 ? precision : nil  // negative: none
                    if flags.precision == nil { out += "%!(BADPREC)" }
                    afterIndex = false
                } else {
                    let (precision, found, next) = GoFormatter.parseNumber(format, i, end)
                    (flags.precision, i) = (found ? precision : 0, next)
                }
            }
            if !afterIndex {
                (argNum, i, afterIndex) = argNumber(argNum, format, i, args.count, &reordered, &goodArgNum)
            }
            guard i < end else {
                out += "%!(NOVERB)"
                break formatLoop
            }
            let (rune, width) = UTF8Decoding.decode(format, at: i)
            let verb = Character(Unicode.Scalar(UInt32(rune)) ?? "\u{FFFD}")
            i += width
            if verb == "%" {
                out += "%"  // absorbs no operand and ignores width and precision
            } else if !goodArgNum {
                out += "%!" + String(verb) + "(BADINDEX)"
            } else if argNum >= args.count {
                out += "%!" + String(verb) + "(MISSING)"
            } else {
                if verb == "v" {
                    (flags.sharpV, flags.sharp) = (flags.sharp, false)  // Go syntax
                    (flags.plusV, flags.plus) = (flags.plus, false)  // field names
                }
                try printArg(args[argNum], verb: verb)
                argNum += 1
            }
        }
        // Report unused arguments unless the format picked them by index.
        if !reordered && argNum < args.count {
            flags = Flags()
            out += "%!(EXTRA "
            for (i, arg) in args[argNum...].enumerated() {
                if i > 0 { out += ", " }
                try typedValue(arg)
            }
            out += ")"
        }
    }

    /// Reads `[n]` at `i`: the zero-based argument index it selects (unchanged when absent
    /// or bad), the index after it, and whether one was found.
    private func argNumber(
        _ argNum: Int, _ format: [UInt8], _ i: Int, _ count: Int, _ reordered: inout Bool, _ goodArgNum: inout Bool
    ) -> (Int, Int, Bool) {
        guard i < format.count, format[i] == UInt8(ascii: "[") else { return (argNum, i, false) }
        reordered = true
        var width = 1
        var index = 0
        var ok = false
        if format.count - i >= 3, let close = format[(i + 1)...].firstIndex(of: UInt8(ascii: "]")) {
            width = close - i + 1
            let (number, found, next) = GoFormatter.parseNumber(format, i + 1, close)
            if found && next == close { (index, ok) = (number - 1, true) }
        }
        if ok && index >= 0 && index < count { return (index, i + width, true) }
        goodArgNum = false
        return (argNum, i + width, ok)
    }

    /// Go's `parsenum`: decimal digits from `start` (before `end`); nil-ish on overflow past 1e6.
    static func parseNumber(_ s: [UInt8], _ start: Int, _ end: Int) -> (Int, Bool, Int) {
        guard start < end else { return (0, false, end) }
        var number = 0
        var found = false
        var i = start
        while i < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(s[i]) {
            if number > 1_000_000 { return (0, false, end) }  // a crazy long number
            number = number * 10 + Int(s[i] - UInt8(ascii: "0"))
            found = true
            i += 1
        }
        return (number, found, i)
    }

    /// Go's `intFromArg`: the integer argument for a `*` width or precision.
    static func intFromArg(_ args: [GoValue], _ argNum: Int) -> (Int, Bool, Int) {
        guard argNum < args.count else { return (0, false, argNum) }
        guard case .int(let value, _) = args[argNum], abs(value) <= 1_000_000 else { return (0, false, argNum + 1) }
        return (Int(value), true, argNum + 1)
    }
}
