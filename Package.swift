// swift-tools-version: 6.2
//
// Module direction (../shared/STYLE.md): Frontend → IR → VM ← Runtime.
// The VM is the stable centre (values, types, bytecode, host protocol) and imports
// none of the others; the Runtime sees only the VM; the CLIs wire them together.
import PackageDescription

let package = Package(
    name: "mgmt-swift",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mgmtc", targets: ["mgmtc"]),
        .executable(name: "mgmt", targets: ["mgmt"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The single-host World's SQLite store (spec/world.md), on the system libsqlite3.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The stable centre: imports nothing of ours.
        // Release builds skip dynamic exclusivity checks in the VM: its interpreter and
        // engine touch per-node arrays millions of times (debug builds and tests keep them).
        .target(name: "VM", swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // Lowering and bytecode writing: sees the VM only.
        .target(name: "IR", dependencies: ["VM"]),
        // Parsing, scope, types, diagnostics: sees the IR and the VM's types.
        .target(name: "Frontend", dependencies: ["IR", "VM", .product(name: "Yams", package: "Yams")]),
        // Builtins and resource kinds: sees the VM only, never the Frontend or IR.
        .target(name: "Runtime", dependencies: ["VM", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(name: "mgmtc", dependencies: [
            "Frontend", "IR", "VM", "Runtime",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "mgmt", dependencies: [
            "Frontend", "IR", "VM", "Runtime",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // In-process benchmarks of the VM (bench/README.md); apart from the main targets.
        .executableTarget(name: "mgmt-bench", dependencies: ["Frontend", "IR", "VM", "Runtime"],
                          path: "bench/Sources/mgmt-bench"),
        .testTarget(name: "VMTests", dependencies: ["VM", "IR", "Frontend", "Runtime"]),
        .testTarget(name: "IRTests", dependencies: ["IR", "VM", "Frontend", "Runtime"]),
        .testTarget(name: "FrontendTests", dependencies: ["Frontend", "IR", "VM", "Runtime"]),
        // Frontend too: the World tests compile and run a seed program end to end.
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "VM", "Frontend"]),
        // The command-line contract (spec/cli.md), on the built executables.
        .testTarget(name: "CLITests", dependencies: ["mgmt", "mgmtc"]),
    ]
)
