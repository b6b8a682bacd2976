/// The IR module lowers the typed AST into an SSA-like dataflow graph and writes `.mcb`
/// bytecode (issue 3). Until then it only re-exports the VM's types for the Frontend.
@_exported import VM
