/// What the compiler and the loader know about one resource kind: its parameters with
/// their mcl types, the keys it can send, and whether it can receive.
public struct ResourceKindDescriptor: Sendable {
    /// The kind as written in mcl (`file`, `http:server:ui:input`).
    public var kind: String
    /// Settable parameters, in the order of upstream's struct.
    public var params: [ResourceParam]
    /// Values the kind sends for send/recv (`exec`: `output`, `stdout`, `stderr`); empty when it sends nothing.
    public var sends: [ResourceParam]
    /// Whether other resources may send into its params (upstream's recvable trait).
    public var canReceive: Bool
    /// Whether resources of this kind may group with others (`Meta:autogroup`).
    public var canGroup: Bool
    /// One line for docs.
    public var summary: String

    public init(kind: String, params: [ResourceParam], sends: [ResourceParam] = [], canReceive: Bool = false,
                canGroup: Bool = false, summary: String = "") {
        self.kind = kind
        self.params = params
        self.sends = sends
        self.canReceive = canReceive
        self.canGroup = canGroup
        self.summary = summary
    }

    public var canSend: Bool { !sends.isEmpty }

    /// The parameter named `name` in mcl, if any.
    public func param(named name: String) -> ResourceParam? { params.first { $0.name == name } }

    /// The send key named `name`, if any.
    public func send(named name: String) -> ResourceParam? { sends.first { $0.name == name } }
}

/// One parameter (or send key) of a resource kind.
public struct ResourceParam: Sendable {
    /// The mcl name (`anotherstr`).
    public var name: String
    /// The mcl type; `.variant` for a field that takes any type.
    public var type: MclType
    /// The field name of upstream's Go struct (`AnotherStr`), printed in `Field:` lines.
    public var goField: String
    /// The Go type of the field (`int8`, `*uint32`, `***int8`, `[]string`, `interface{}`):
    /// it decides range checks (`int8` overflow, negative into unsigned) and whether an
    /// unset parameter differs from a zero one (pointers).
    public var goType: String
    /// The kind's default when the parameter is not set, if not the zero value.
    public var defaultValue: Value?

    public init(_ name: String, _ type: MclType, goField: String, goType: String, defaultValue: Value? = nil) {
        self.name = name
        self.type = type
        self.goField = goField
        self.goType = goType
        self.defaultValue = defaultValue
    }

    /// The kind name Go uses in send/recv errors (`int`, `string`, `bool`, `float64`, `slice`, `map`, `struct`, `interface`).
    public var goKindName: String {
        var base = Substring(goType)
        while base.hasPrefix("*") { base = base.dropFirst() }
        if base.hasPrefix("[]") { return "slice" }
        if base.hasPrefix("map[") { return "map" }
        if base.hasPrefix("struct") { return "struct" }
        if base.hasPrefix("interface") { return "interface" }
        return String(base)
    }
}

/// A variable the runtime predeclares: `$const.res.file.state.exists`, `$os.family_debian`,
/// `$purpleidea`. `module` is `""` for global names.
public struct VariableDescriptor: Sendable {
    public var module: String
    public var name: String
    public var value: Value

    public init(module: String, name: String, value: Value) {
        self.module = module
        self.name = name
        self.value = value
    }
}
