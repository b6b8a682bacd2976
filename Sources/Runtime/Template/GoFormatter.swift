import VM

/// Go's `fmt` printing of template values: `Sprint`, `Sprintln`, `Sprintf` and the `%v` an
/// action uses to print its result (a port of `fmt/print.go`).
///
/// Supported: every verb Go defines for the kinds templates hold (`%v %+v %#v %T %t %d %b
/// %o %O %x %X %c %q %U %e %E %f %F %g %G %s %%`), flags `+ - # space 0`, width and
/// precision (also `*`), argument indexes `%[n]d`, and Go's error forms (`%!d(string=x)`,
/// `%!d(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`, `%!(BADWIDTH)`, `%!d(BADINDEX)`).
/// Not supported, and reported as errors naming them: `%p` of a container, `%b %x %X` of a
/// float, the `#` flag on a float verb.
struct GoFormatter {
    /// The state of one verb (Go's `fmt.fmtFlags` plus width and precision).
    struct Flags {
        var plus = false, minus = false, sharp = false, space = false, zero = false
        var plusV = false, sharpV = false
        var width: Int?
        var precision: Int?
    }

    var out = ""
    var flags = Flags()

    /// `fmt.Sprint`: a space between operands when neither is a string.
    static func sprint(_ args: [GoValue]) throws(TemplateError) -> String {
        var formatter = GoFormatter()
        var previousString = false
        for (i, arg) in args.enumerated() {
            let isString = if case .string = arg { true } else { false }
            if i > 0 && !isString && !previousString { formatter.out += " " }
            try formatter.printArg(arg, verb: "v")
            previousString = isString
        }
        return formatter.out
    }

    /// `fmt.Sprintln`: operands separated by spaces, then a newline.
    static func sprintln(_ args: [GoValue]) throws(TemplateError) -> String {
        var formatter = GoFormatter()
        for (i, arg) in args.enumerated() {
            if i > 0 { formatter.out += " " }
            try formatter.printArg(arg, verb: "v")
        }
        return formatter.out + "\n"
    }

    /// Go's `%v` of a value: what an action prints (after `<no value>` is handled).
    static func print(_ value: GoValue) throws(TemplateError) -> String {
        var formatter = GoFormatter()
        try formatter.printArg(value, verb: "v")
        return formatter.out
    }

    /// Formats one argument: the top-level `nil`, `%T`, `%p`, then by kind.
    mutating func printArg(_ arg: GoValue, verb: Character) throws(TemplateError) {
        if case .invalid = arg {
            if verb == "T" || verb == "v" { padString("<nil>") } else { try badVerb(verb, arg) }
            return
        }
        switch verb {
        case "T": fmtS(arg.typeName)
        case "p":
            switch arg {
            case .slice, .map: throw TemplateError("printf: %p of \(arg.typeName) is not supported")
            default: try badVerb(verb, arg)
            }
        default: try printValue(arg, verb: verb, depth: 0)
        }
    }

    /// Go's `printValue`: scalars by verb, containers element by element with the same verb.
    mutating func printValue(_ value: GoValue, verb: Character, depth: Int) throws(TemplateError) {
        switch value {
        case .invalid:
            if flags.sharpV { out += "interface {}(nil)" } else if verb == "v" { out += "<nil>" } else { try badVerb(verb, value) }
        case .bool(let b):
            if verb == "t" || verb == "v" { padString(b ? "true" : "false") } else { try badVerb(verb, value) }
        case .int(let i, let type): try fmtIntegerVerb(i, unsigned: type == .uint8, verb: verb, value: value)
        case .float(let f): try fmtFloatVerb(f, verb: verb, value: value)
        case .string(let s): try fmtStringVerb(s, verb: verb, value: value)
        case .map(let map):
            out += flags.sharpV ? "\(value.typeName){" : "map["
            for (i, entry) in map.entries.enumerated() {
                if i > 0 { out += flags.sharpV ? ", " : " " }
                try printValue(entry.key, verb: verb, depth: depth + 1)
                out += ":"
                try printValue(entry.value, verb: verb, depth: depth + 1)
            }
            out += flags.sharpV ? "}" : "]"
        case .structure(let record):
            if flags.sharpV { out += value.typeName }
            out += "{"
            for (i, field) in record.values.enumerated() {
                if i > 0 { out += flags.sharpV ? ", " : " " }
                if flags.plusV || flags.sharpV { out += record.fields[i].name + ":" }
                try printValue(field, verb: verb, depth: depth + 1)
            }
            out += "}"
        case .slice(let elements, _):
            out += flags.sharpV ? "\(value.typeName){" : "["
            for (i, element) in elements.enumerated() {
                if i > 0 { out += flags.sharpV ? ", " : " " }
                try printValue(element, verb: verb, depth: depth + 1)
            }
            out += flags.sharpV ? "}" : "]"
        }
    }

    /// `%!verb(type=value)`, or `%!verb(<nil>)`.
    mutating func badVerb(_ verb: Character, _ value: GoValue) throws(TemplateError) {
        out += "%!" + String(verb) + "("
        try typedValue(value)
        out += ")"
    }

    /// `type=value` (with `%v`), or `<nil>`: how bad verbs and extra arguments show a value.
    mutating func typedValue(_ value: GoValue) throws(TemplateError) {
        if case .invalid = value {
            out += "<nil>"
        } else {
            out += value.typeName + "="
            try printArg(value, verb: "v")
        }
    }

    /// Pads `s` to the width with spaces (or zeros with the `0` flag), counting runes.
    mutating func padString(_ s: String) {
        guard let width = flags.width, width > 0 else { out += s; return }
        let padding = String(repeating: flags.zero ? "0" : " ", count: max(0, width - s.unicodeScalars.count))
        out += flags.minus ? s + padding : padding + s
    }

    /// `%s`: the string cut to the precision (in runes), then padded.
    mutating func fmtS(_ s: String) { padString(truncate(s)) }

    func truncate(_ s: String) -> String {
        guard let precision = flags.precision, precision < s.unicodeScalars.count else { return s }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s.unicodeScalars.prefix(precision))
        return String(view)
    }
}
