/// Reads `.mcb` bytes into a `Program`, checking the header, every length, count and
/// index on the way (spec/mcb.md). Whatever the input, it returns a program or throws one
/// `LoadError` line; it never traps. `Verifier` then checks the code and the graph.
public enum MCBReader {
    public static func read(_ bytes: [UInt8]) throws(LoadError) -> Program {
        try checkHeader(bytes)
        var sections: [String: (Int, Int)] = [:]
        var offset = MCBFormat.headerSize
        for tag in MCBFormat.sections {
            var reader = ByteReader(bytes, from: offset, to: bytes.count, context: "section header")
            let name = String(decoding: try reader.take(4), as: UTF8.self)
            guard name == tag else { throw LoadError("expected section \(tag) at byte \(offset), found `\(name.filter { $0.isASCII && !$0.isNewline })`") }
            let length = Int(try reader.u32())
            let start = offset + 8
            guard length <= bytes.count - start else { throw LoadError("section \(tag) is truncated") }
            sections[tag] = (start, start + length)
            offset = start + length
        }
        guard offset == bytes.count else { throw LoadError("\(bytes.count - offset) unexpected bytes after the last section") }
        func section(_ tag: String) -> ByteReader {
            let (start, end) = sections[tag]!
            return ByteReader(bytes, from: start, to: end, context: "section \(tag)")
        }

        var program = Program()
        var r = section("STRS")
        var strings: [String] = []
        for _ in 0..<(try r.count("string", minimumSize: 4)) {
            let length = try r.count("string length")
            let raw = Array(try r.take(length))
            guard let s = String(validating: raw, as: UTF8.self) else { throw r.fail("string is not valid UTF-8") }
            strings.append(s)
        }
        try finish(r)
        func string(_ r: inout ByteReader) throws(LoadError) -> String { strings[try r.index(below: strings.count, "string")] }
        func type(_ r: inout ByteReader) throws(LoadError) -> MclType {
            let text = try string(&r)
            // Quoted: a corrupt type string may hold a newline, and the error is one line (MutationTests).
            do { return try MclType(parsing: text) } catch { throw r.fail("bad type \(Value.str(text))") }
        }

        r = section("TYPE")
        for _ in 0..<(try r.count("type", minimumSize: 4)) { program.types.append(try type(&r)) }
        try finish(r)

        r = section("KONS")
        for _ in 0..<(try r.count("constant")) { program.constants.append(try value(&r, string: string, type: type, depth: 0)) }
        try finish(r)

        r = section("BLTN")
        for _ in 0..<(try r.count("builtin", minimumSize: 8)) {
            program.builtins.append(BuiltinImport(name: try string(&r), signature: try type(&r)))
        }
        try finish(r)

        r = section("KIND")
        for _ in 0..<(try r.count("kind", minimumSize: 8)) {
            let kind = try string(&r)
            var params: [KindImport.Param] = []
            for _ in 0..<(try r.count("param", minimumSize: 8)) { params.append(.init(name: try string(&r), type: try type(&r))) }
            program.kinds.append(KindImport(kind: kind, params: params))
        }
        try finish(r)

        r = section("SPAN")
        for _ in 0..<(try r.count("file", minimumSize: 4)) { program.files.append(try string(&r)) }
        for _ in 0..<(try r.count("span", minimumSize: 20)) {
            let file = try r.index(below: program.files.count, "span file")
            let numbers = [Int(try r.u32()), Int(try r.u32()), Int(try r.u32()), Int(try r.u32())]
            program.spans.append(SourceSpan(file: file, line1: numbers[0], column1: numbers[1], line2: numbers[2], column2: numbers[3]))
        }
        try finish(r)

        r = section("TMPL")
        for _ in 0..<(try r.count("template", minimumSize: 24)) {
            let paramCount = Int(try r.u32())
            let first = Int(try r.u32())
            let count = Int(try r.u32())
            let result = try r.u32()
            let maxHeight = Int(try r.u32())
            let functionType = try r.optionalIndex(below: program.types.count, "template type")
            program.templates.append(Template(paramCount: paramCount, firstNode: first, nodeCount: count,
                                              result: result == MCBFormat.none ? nil : NodeRef(raw: result), maxHeight: maxHeight,
                                              functionType: functionType))
        }
        try finish(r)

        r = section("NODE")
        for _ in 0..<(try r.count("node", minimumSize: 41)) { program.nodes.append(try node(&r, strings: strings)) }
        for _ in 0..<(try r.count("instruction span", minimumSize: 8)) {
            program.instructionSpans.append(InstructionSpan(word: Int(try r.u32()), span: try r.index(below: program.spans.count, "span")))
        }
        for _ in 0..<(try r.count("handler", minimumSize: 12)) {
            program.handlers.append(Handler(from: Int(try r.u32()), to: Int(try r.u32()), target: Int(try r.u32())))
        }
        try finish(r)

        r = section("CODE")
        for _ in 0..<(try r.count("word", minimumSize: 4)) { program.code.append(try r.u32()) }
        try finish(r)
        return program
    }

    private static func checkHeader(_ bytes: [UInt8]) throws(LoadError) {
        guard bytes.count >= MCBFormat.headerSize else { throw LoadError("not an .mcb file: only \(bytes.count) bytes") }
        guard Array(bytes[0..<4]) == MCBFormat.magic else { throw LoadError("not an .mcb file (bad magic)") }
        var r = ByteReader(bytes, from: 4, to: MCBFormat.headerSize, context: "header")
        let version = try r.u16()
        guard version == MCBFormat.version else {
            throw LoadError("unsupported .mcb format version \(version) (this mgmt reads version \(MCBFormat.version)); recompile with this mgmtc")
        }
        _ = try r.u16()
        guard Array(try r.take(4)) == MCBFormat.newlineCheck else { throw LoadError("corrupt .mcb file: newline bytes changed (transferred as text?)") }
        guard Int64(bitPattern: try r.u64()) == MCBFormat.sampleInt else { throw LoadError("corrupt .mcb file: integer sample differs (byte order or width)") }
        guard Double(bitPattern: try r.u64()) == MCBFormat.sampleFloat else { throw LoadError("corrupt .mcb file: float sample differs") }
        let stored = try r.u64()
        guard stored == MCBFormat.checksum(bytes, from: MCBFormat.headerSize) else { throw LoadError("corrupt .mcb file: checksum mismatch") }
        let sectionCount = try r.u32()
        guard sectionCount == UInt32(MCBFormat.sections.count) else { throw LoadError("corrupt .mcb file: \(sectionCount) sections, expected \(MCBFormat.sections.count)") }
    }

    private static func finish(_ r: ByteReader) throws(LoadError) {
        guard r.atEnd else { throw r.fail("unexpected bytes at the end of the section") }
    }

    private static func value(_ r: inout ByteReader, string: (inout ByteReader) throws(LoadError) -> String,
                              type: (inout ByteReader) throws(LoadError) -> MclType, depth: Int) throws(LoadError) -> Value {
        guard depth < 64 else { throw r.fail("constant nested too deeply") }
        guard let tag = MCBFormat.ValueTag(rawValue: try r.u8()) else { throw r.fail("unknown value tag") }
        switch tag {
        case .falseValue: return .bool(false)
        case .trueValue: return .bool(true)
        case .int: return .int(Int64(bitPattern: try r.u64()))
        case .float: return .float(Double(bitPattern: try r.u64()))
        case .str: return .str(try string(&r))
        case .list:
            var items: [Value] = []
            for _ in 0..<(try r.count("list element")) { items.append(try value(&r, string: string, type: type, depth: depth + 1)) }
            return .list(items)
        case .map:
            var pairs: [(Value, Value)] = []
            for _ in 0..<(try r.count("map entry", minimumSize: 2)) {
                let k = try value(&r, string: string, type: type, depth: depth + 1)
                pairs.append((k, try value(&r, string: string, type: type, depth: depth + 1)))
            }
            return .map(.init(pairs: pairs))
        case .struct:
            var names: [String] = []
            var values: [Value] = []
            for _ in 0..<(try r.count("struct field", minimumSize: 5)) {
                names.append(try string(&r))
                values.append(try value(&r, string: string, type: type, depth: depth + 1))
            }
            return .struct(.init(names: names, values: values))
        case .function:
            let template = Int(try r.u32())
            let t = try type(&r)
            var captures: [Value] = []
            for _ in 0..<(try r.count("capture")) { captures.append(try value(&r, string: string, type: type, depth: depth + 1)) }
            return .function(.init(template: template, captures: captures, type: t))
        }
    }

    private static func node(_ r: inout ByteReader, strings: [String]) throws(LoadError) -> NodeSpec {
        func string() throws(LoadError) -> String { strings[try r.index(below: strings.count, "string")] }
        func optionalString() throws(LoadError) -> String? {
            try r.optionalIndex(below: strings.count, "string").map { strings[$0] }
        }
        func refs() throws(LoadError) -> [NodeRef] {
            var list: [NodeRef] = []
            for _ in 0..<(try r.count("ref", minimumSize: 4)) { list.append(NodeRef(raw: try r.u32())) }
            return list
        }
        guard let tag = MCBFormat.NodeTag(rawValue: try r.u8()) else { throw r.fail("unknown node kind") }
        let height = Int(try r.u32())
        let span = Int(try r.u32())
        let typeRaw = try r.u32()
        let inputs = try refs()
        let numbers = [Int(try r.u32()), Int(try r.u32()), Int(try r.u32()), Int(try r.u32()), Int(try r.u32())]
        let body = numbers[1] == 0 ? nil
            : Body(firstWord: numbers[0], wordCount: numbers[1], registerCount: numbers[2], firstHandler: numbers[3], handlerCount: numbers[4])
        let kind: NodeKind
        switch tag {
        case .compute: kind = .compute
        case .apply: kind = .apply
        case .join: kind = .join
        case .assert: kind = .assert
        case .source: kind = .source(builtin: Int(try r.u32()))
        case .branch:
            let then = Int(try r.u32())
            let otherwise = try r.u32()
            kind = .branch(then: then, otherwise: otherwise == MCBFormat.none ? nil : Int(otherwise), arguments: try refs())
        case .loop:
            let template = Int(try r.u32())
            let keyValue = try r.u8() != 0
            kind = .loop(template: template, keyValue: keyValue, arguments: try refs())
        case .except:
            let template = Int(try r.u32())
            kind = .except(template: template, arguments: try refs())
        case .resource:
            let kindIndex = Int(try r.u32())
            let collect = try r.u8() != 0
            var entries: [ResourceEntrySpec] = []
            for _ in 0..<(try r.count("resource entry", minimumSize: 10)) {
                guard let entryKind = ResourceEntrySpec.Kind(rawValue: try r.u8()) else { throw r.fail("unknown resource entry kind") }
                let hasCondition = try r.u8() != 0
                let name = try string()
                let targetKind = try optionalString()
                entries.append(ResourceEntrySpec(kind: entryKind, hasCondition: hasCondition, name: name, targetKind: targetKind))
            }
            kind = .resource(kind: kindIndex, collect: collect, entries: entries)
        case .edge:
            var halves: [EdgeHalfSpec] = []
            for _ in 0..<(try r.count("edge half", minimumSize: 8)) {
                let kindName = try string()
                halves.append(EdgeHalfSpec(kind: kindName, field: try optionalString()))
            }
            kind = .edge(halves: halves)
        case .iterate:
            guard let operation = IterateOperation(rawValue: try r.u8()) else { throw r.fail("unknown iterate operation") }
            kind = .iterate(operation)
        }
        return NodeSpec(kind: kind, height: height, span: span, type: typeRaw == MCBFormat.none ? nil : Int(typeRaw),
                        inputs: inputs, body: body)
    }
}
