/// Writes a `Program` as `.mcb` bytes (spec/mcb.md). Deterministic: strings are numbered
/// in first-use order and nothing iterates a hash table, so the same program gives the
/// same bytes.
public enum MCBWriter {
    public static func write(_ program: Program) -> [UInt8] {
        var strings = StringPool()
        // Sections are built in an order where every string is interned before STRS is written.
        var types = ByteWriter()
        types.u32(program.types.count)
        for type in program.types { types.u32(strings.index(type.description)) }

        var constants = ByteWriter()
        constants.u32(program.constants.count)
        for value in program.constants { write(value, to: &constants, strings: &strings) }

        var builtins = ByteWriter()
        builtins.u32(program.builtins.count)
        for builtin in program.builtins {
            builtins.u32(strings.index(builtin.name))
            builtins.u32(strings.index(builtin.signature.description))
        }

        var kinds = ByteWriter()
        kinds.u32(program.kinds.count)
        for kind in program.kinds {
            kinds.u32(strings.index(kind.kind))
            kinds.u32(kind.params.count)
            for param in kind.params {
                kinds.u32(strings.index(param.name))
                kinds.u32(strings.index(param.type.description))
            }
        }

        var spans = ByteWriter()
        spans.u32(program.files.count)
        for file in program.files { spans.u32(strings.index(file)) }
        spans.u32(program.spans.count)
        for span in program.spans {
            for v in [span.file, span.line1, span.column1, span.line2, span.column2] { spans.u32(v) }
        }

        var templates = ByteWriter()
        templates.u32(program.templates.count)
        for template in program.templates {
            templates.u32(template.paramCount)
            templates.u32(template.firstNode)
            templates.u32(template.nodeCount)
            templates.u32(template.result?.raw ?? MCBFormat.none)
            templates.u32(template.maxHeight)
            templates.optional(template.functionType)
        }

        var nodes = ByteWriter()
        nodes.u32(program.nodes.count)
        for node in program.nodes { write(node, to: &nodes, strings: &strings) }
        nodes.u32(program.instructionSpans.count)
        for entry in program.instructionSpans { nodes.u32(entry.word); nodes.u32(entry.span) }
        nodes.u32(program.handlers.count)
        for handler in program.handlers { nodes.u32(handler.from); nodes.u32(handler.to); nodes.u32(handler.target) }

        var code = ByteWriter()
        code.u32(program.code.count)
        for word in program.code { code.u32(word) }

        var stringSection = ByteWriter()
        stringSection.u32(strings.list.count)
        for string in strings.list {
            let utf8 = Array(string.utf8)
            stringSection.u32(utf8.count)
            stringSection.raw(utf8)
        }

        var body = ByteWriter()
        let payloads = [stringSection, types, constants, builtins, kinds, spans, templates, nodes, code]
        for (tag, payload) in zip(MCBFormat.sections, payloads) {
            body.raw(Array(tag.utf8))
            body.u32(payload.bytes.count)
            body.raw(payload.bytes)
        }

        var header = ByteWriter()
        header.raw(MCBFormat.magic)
        header.u16(MCBFormat.version)
        header.u16(0)
        header.raw(MCBFormat.newlineCheck)
        header.i64(MCBFormat.sampleInt)
        header.f64(MCBFormat.sampleFloat)
        header.u64(0)  // checksum, filled in below
        header.u32(MCBFormat.sections.count)
        var file = header.bytes + body.bytes
        let sum = MCBFormat.checksum(file, from: MCBFormat.headerSize)
        for i in 0..<8 { file[28 + i] = UInt8(truncatingIfNeeded: sum >> (8 * i)) }
        return file
    }

    private static func write(_ value: Value, to out: inout ByteWriter, strings: inout StringPool) {
        switch value {
        case .bool(let b): out.u8(b ? MCBFormat.ValueTag.trueValue.rawValue : MCBFormat.ValueTag.falseValue.rawValue)
        case .int(let i): out.u8(MCBFormat.ValueTag.int.rawValue); out.i64(i)
        case .float(let f): out.u8(MCBFormat.ValueTag.float.rawValue); out.f64(f)
        case .str(let s): out.u8(MCBFormat.ValueTag.str.rawValue); out.u32(strings.index(s))
        case .list(let items):
            out.u8(MCBFormat.ValueTag.list.rawValue)
            out.u32(items.count)
            for item in items { write(item, to: &out, strings: &strings) }
        case .map(let map):
            out.u8(MCBFormat.ValueTag.map.rawValue)
            out.u32(map.count)
            for i in 0..<map.count {
                write(map.keys[i], to: &out, strings: &strings)
                write(map.values[i], to: &out, strings: &strings)
            }
        case .struct(let s):
            out.u8(MCBFormat.ValueTag.struct.rawValue)
            out.u32(s.names.count)
            for (name, v) in zip(s.names, s.values) {
                out.u32(strings.index(name))
                write(v, to: &out, strings: &strings)
            }
        case .function(let f):
            out.u8(MCBFormat.ValueTag.function.rawValue)
            out.u32(f.template)
            out.u32(strings.index(f.type.description))
            out.u32(f.captures.count)
            for c in f.captures { write(c, to: &out, strings: &strings) }
        }
    }

    private static func write(_ node: NodeSpec, to out: inout ByteWriter, strings: inout StringPool) {
        func refs(_ list: [NodeRef]) {
            out.u32(list.count)
            for r in list { out.u32(r.raw) }
        }
        let tag: MCBFormat.NodeTag
        switch node.kind {
        case .compute: tag = .compute
        case .source: tag = .source
        case .branch: tag = .branch
        case .loop: tag = .loop
        case .apply: tag = .apply
        case .except: tag = .except
        case .join: tag = .join
        case .resource: tag = .resource
        case .edge: tag = .edge
        case .iterate: tag = .iterate
        case .assert: tag = .assert
        }
        out.u8(tag.rawValue)
        out.u32(node.height)
        out.u32(node.span)
        out.optional(node.type)
        refs(node.inputs)
        let body = node.body ?? Body(firstWord: 0, wordCount: 0, registerCount: 0, firstHandler: 0, handlerCount: 0)
        for v in [body.firstWord, body.wordCount, body.registerCount, body.firstHandler, body.handlerCount] { out.u32(v) }
        switch node.kind {
        case .compute, .apply, .join, .assert: break
        case .source(let builtin): out.u32(builtin)
        case .branch(let then, let otherwise, let arguments):
            out.u32(then)
            out.optional(otherwise)
            refs(arguments)
        case .loop(let template, let keyValue, let arguments):
            out.u32(template)
            out.u8(keyValue ? 1 : 0)
            refs(arguments)
        case .except(let template, let arguments):
            out.u32(template)
            refs(arguments)
        case .resource(let kind, let collect, let entries):
            out.u32(kind)
            out.u8(collect ? 1 : 0)
            out.u32(entries.count)
            for entry in entries {
                out.u8(entry.kind.rawValue)
                out.u8(entry.hasCondition ? 1 : 0)
                out.u32(strings.index(entry.name))
                out.optional(entry.targetKind.map { strings.index($0) })
            }
        case .edge(let halves):
            out.u32(halves.count)
            for half in halves {
                out.u32(strings.index(half.kind))
                out.optional(half.field.map { strings.index($0) })
            }
        case .iterate(let operation): out.u8(operation.rawValue)
        }
    }
}

/// Strings numbered in first-use order.
private struct StringPool {
    var list: [String] = []
    var indices: [String: Int] = [:]

    mutating func index(_ s: String) -> Int {
        if let i = indices[s] { return i }
        indices[s] = list.count
        list.append(s)
        return list.count - 1
    }
}
