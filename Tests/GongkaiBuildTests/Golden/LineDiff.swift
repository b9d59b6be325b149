/// The runs of changed lines between two texts: their common start and end cut, then Myers' shortest edit script
/// over the rest. When the rest needs more than `maxEdits` line edits, it is one run (shown from its start, which
/// is what a reader of a failure needs first).
struct LineDiff {
    /// One run of changed lines: `old` recorded lines replaced by `new` built lines (either may be empty).
    struct Hunk: Equatable {
        var old: Range<Int>
        var new: Range<Int>
    }

    let old: [Substring]
    let new: [Substring]
    var maxEdits = 500

    init(_ old: [Substring], _ new: [Substring]) {
        self.old = old
        self.new = new
    }

    /// The changed runs, in order.
    func hunks() -> [Hunk] {
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let a = old[head..<(old.count - tail)]
        let b = new[head..<(new.count - tail)]
        if a.isEmpty, b.isEmpty { return [] }
        guard let same = Self.commonLines(a, b, maxEdits: maxEdits) else { return [Hunk(old: a.indices, new: b.indices)] }
        // The runs between the lines both keep.
        var hunks: [Hunk] = []
        var x = a.startIndex, y = b.startIndex
        for (i, j) in same + [(a.endIndex, b.endIndex)] {
            if i > x || j > y { hunks.append(Hunk(old: x..<i, new: y..<j)) }
            x = i + 1
            y = j + 1
        }
        return hunks
    }

    /// The pairs of line indices both texts keep (a longest common subsequence), by Myers' O((N+M)·D) algorithm;
    /// nil when more than `maxEdits` edits are needed.
    private static func commonLines(_ a: ArraySlice<Substring>, _ b: ArraySlice<Substring>, maxEdits: Int) -> [(Int, Int)]? {
        let n = a.count, m = b.count
        let limit = min(n + m, maxEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        // Furthest x reached on diagonal k with d edits, from v of d - 1 edits.
        func step(_ v: [Int], _ k: Int, _ d: Int) -> (x: Int, fromK: Int) {
            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) { return (v[offset + k + 1], k + 1) }
            return (v[offset + k - 1] + 1, k - 1)
        }
        for d in 0...limit {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = step(v, k, d).x
                var y = x - k
                while x < n, y < m, a[a.startIndex + x] == b[b.startIndex + y] { x += 1; y += 1 }
                v[offset + k] = x
                guard x >= n, y >= m else { continue }
                // Back from the end: every diagonal move is a kept line.
                var pairs: [(Int, Int)] = []
                var (px, py) = (n, m)
                for e in stride(from: d, through: 0, by: -1) {
                    let k = px - py
                    let from = step(trace[e], k, e)
                    let startX = trace[e][offset + from.fromK]
                    let startY = startX - from.fromK
                    while px > startX, py > startY, px > 0, py > 0 {
                        px -= 1; py -= 1
                        pairs.append((a.startIndex + px, b.startIndex + py))
                    }
                    (px, py) = (startX, startY)
                }
                return pairs.reversed()
            }
        }
        return nil
    }
}
