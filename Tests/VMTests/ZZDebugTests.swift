import Foundation
import Testing
@testable import VM

@Test func zzSoak() throws {
    var stats = MutationStats()
    var originals = try MutationPrograms.sources.map { try MutationPrograms.compile($0.1, name: $0.0) }
    originals.append(MCBWriter.write(SamplePrograms.everything))
    for (p, original) in originals.enumerated() {
        var random = SplitMix64(seed: 0x1234567 &+ UInt64(p) &* 7919)
        for i in 0..<12_000 {
            let ops: [Mutation] = [.codeByte, .interestingWord, .zeroRange, .flipBits, .overwriteBytes]
            var bytes = original
            for _ in 0...random.below(4) { Mutation.codeByte.apply(to: &bytes, &random) }
            if random.below(2) == 0 { ops[random.below(ops.count)].apply(to: &bytes, &random) }
            MCBBytes.fixChecksum(&bytes)
            FileHandle.standardError.write("\(p) \(i)\n".data(using: .utf8)!)
            stats.record(MutationPipeline.run(bytes), .codeByte)
        }
    }
    print("soak: \(stats.summary)")
}
