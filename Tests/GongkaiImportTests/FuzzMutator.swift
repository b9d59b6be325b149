import Foundation

/// Seeded random mutations of a byte string for the fuzz tests (issue #31): flips, deletions, duplications and
/// insertions of tokens that the readers give meaning to. The same seed gives the same inputs on every run; how many
/// run is bounded by time and count (`FuzzMutator.budget`).
struct FuzzMutator {
    private var rng: ImportRandom
    let tokens: [[UInt8]]

    init(seed: UInt64, tokens: [String]) {
        rng = ImportRandom(seed: seed)
        self.tokens = tokens.map { Array($0.utf8) } + [[0xFF], [0xC3], [0x00], [0xEF, 0xBB, 0xBF], [0x0D], [0xE2, 0x80, 0xAE]]
    }

    /// Seconds and iterations a fuzz test runs at most: `GONGKAI_FUZZ_SECONDS` (default 8) and 100,000 iterations.
    static var budget: (seconds: Double, iterations: Int) {
        (Double(ProcessInfo.processInfo.environment["GONGKAI_FUZZ_SECONDS"] ?? "") ?? 8, 100_000)
    }

    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }

    /// One to four mutations of `input`.
    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            let at = below(bytes.count + 1)
            switch below(6) {
            case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << below(8))
            case 1 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + below(16) + 1))
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + below(64) + 1)
                bytes.insert(contentsOf: bytes[min(at, bytes.count - 1)..<end], at: below(bytes.count + 1))
            default: bytes.insert(contentsOf: tokens[below(tokens.count)], at: at)
            }
        }
        return bytes
    }

    /// Runs `body` on mutations of the seeds until the budget is spent; returns how many ran.
    @discardableResult
    mutating func run(seeds: [String], _ body: ([UInt8]) throws -> Void) rethrows -> Int {
        let clock = ContinuousClock(), start = clock.now
        let (seconds, iterations) = Self.budget
        var corpus = seeds.map { Array($0.utf8) }
        var count = 0
        while count < iterations && clock.now - start < .milliseconds(Int(seconds * 1000)) {
            let input = mutate(corpus[below(corpus.count)])
            try body(input)
            if input.count < 4096 && below(8) == 0 { corpus.append(input) }  // mutations of mutations too
            count += 1
        }
        return count
    }
}
