/// The golden corpus's numbers (`GoldenCorpus`): SplitMix64 reduced by plain arithmetic, the same on every platform and Swift version.
struct CorpusDraw {
    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(generator.next() % UInt64(range.count))
    }

    mutating func pick(_ items: [String]) -> String { items[int(0...(items.count - 1))] }

    /// Two different items.
    mutating func pickTwo(_ items: [String]) -> (String, String) {
        let first = int(0...(items.count - 1))
        let second = (first + int(1...(items.count - 1))) % items.count
        return (items[first], items[second])
    }

    mutating func chance(percent: Int) -> Bool { int(0...99) < percent }

    /// A number of hundredths in `range`, written with two decimals ("99.15").
    mutating func hundredths(_ range: ClosedRange<Int>) -> String {
        let n = int(range)
        let cents = n % 100
        return "\(n / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
