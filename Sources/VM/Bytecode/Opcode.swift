/// The instructions of node bodies, in encoding order (the opcode byte is the case's index).
/// Each case's comment is its row of spec/bytecode.md ("operands: effect");
/// `OpcodeTests` checks that table against `allCases`.
public enum Opcode: UInt8, CaseIterable, Sendable {
    /// iABx: `R[A] := K[Bx]`
    case loadConst
    /// iABx: `R[A] := I[Bx]`; raises the input's error if that input failed
    case loadInput
    /// iABC: `R[A] := R[B]`
    case move
    /// iABC: `R[A] := R[B] + R[C]` (int, wraps)
    case addInt
    /// iABC: `R[A] := R[B] - R[C]` (int, wraps)
    case subInt
    /// iABC: `R[A] := R[B] * R[C]` (int, wraps)
    case mulInt
    /// iABC: `R[A] := float(R[B]) / float(R[C])`; raises `can't divide by zero` (catchable)
    case divInt
    /// iABC: `R[A] := R[B] + R[C]` (float)
    case addFloat
    /// iABC: `R[A] := R[B] - R[C]` (float)
    case subFloat
    /// iABC: `R[A] := R[B] * R[C]` (float)
    case mulFloat
    /// iABC: `R[A] := R[B] / R[C]`; raises `can't divide by zero` (catchable)
    case divFloat
    /// iABC: `R[A] := R[B] .. R[B+1] .. ... .. R[B+C-1]` (C strings joined)
    case concat
    /// iABC: `R[A] := R[B] == R[C]` (deep)
    case equal
    /// iABC: `R[A] := R[B] != R[C]` (deep)
    case notEqual
    /// iABC: `R[A] := R[B] < R[C]` (int)
    case lessInt
    /// iABC: `R[A] := R[B] <= R[C]` (int)
    case lessEqualInt
    /// iABC: `R[A] := R[B] < R[C]` (float)
    case lessFloat
    /// iABC: `R[A] := R[B] <= R[C]` (float)
    case lessEqualFloat
    /// iABC: `R[A] := R[B] and R[C]` (both evaluated)
    case and
    /// iABC: `R[A] := R[B] or R[C]` (both evaluated)
    case or
    /// iABC: `R[A] := not R[B]`
    case not
    /// iABC: `R[A] := [R[B], ..., R[B+C-1]]`
    case makeList
    /// iABC: `R[A] := {R[B]: R[B+1], ..., R[B+2C-2]: R[B+2C-1]}` (C pairs; a later key wins)
    case makeMap
    /// iABC + iAx: `R[A] := struct T[Ax]{R[B], ..., R[B+C-1]}` (fields in type order)
    case makeStruct
    /// iABC: `R[A] := R[B][R[C]]`: list index or map key; raises a catchable error when missing
    case index
    /// iABC: `R[A] := R[B].field(C)` (field number C of the struct)
    case field
    /// iABC: `R[A] := R[B] in R[C]` (list membership)
    case contains
    /// iABC + iAx: `R[A] := F[Ax](R[B], ..., R[B+C-1])`
    case callBuiltin
    /// iABC + iAx: `R[A] := func value of P[Ax] capturing R[B], ..., R[B+C-1]`
    case closure
    /// iABx: `pc += sBx`
    case jump
    /// iABx: `if not R[A] { pc += sBx }`
    case jumpIfFalse
    /// iABC: the node's value is `R[A]`; the body ends
    case `return`

    /// The operand layout of the first word.
    public enum Format: String, Sendable { case iABC, iABx }

    public var format: Format {
        switch self {
        case .loadConst, .loadInput, .jump, .jumpIfFalse: .iABx
        default: .iABC
        }
    }

    /// Whether a second `iAx` word follows.
    public var hasExtraWord: Bool {
        switch self {
        case .makeStruct, .callBuiltin, .closure: true
        default: false
        }
    }

    /// Whether the instruction may raise a catchable or fatal error (and so needs a span).
    public var canRaise: Bool {
        switch self {
        case .loadInput, .divInt, .divFloat, .index, .callBuiltin: true
        default: false
        }
    }
}
