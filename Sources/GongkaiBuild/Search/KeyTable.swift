/// An open-addressing hash table from search keys (`UInt64`, never `UInt64.max`) to small integers, for the index
/// builder's hot loops: no per-lookup allocation or seeded hashing, and `removeAll` clears only the used slots, so
/// one table serves many documents.
struct KeyTable {
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var values: [Int32]
    private var used: [Int] = []
    private var mask: Int

    /// A table sized for about `expected` keys (it grows as needed).
    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity *= 2 }
        keys = [UInt64](repeating: Self.empty, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// Number of keys held.
    var count: Int { used.count }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        var h = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
        while keys[h] != key && keys[h] != Self.empty { h = (h + 1) & mask }
        return h
    }

    /// The value of `key`, inserting `make()` first when it is new.
    @inline(__always)
    mutating func value(for key: UInt64, orInsert make: () -> Int32) -> Int32 {
        let h = slot(key)
        if keys[h] == key { return values[h] }
        let v = make()
        keys[h] = key
        values[h] = v
        used.append(h)
        if used.count * 2 > keys.count { grow() }
        return v
    }

    /// Adds 1 to the value of `key` (inserting it with 1).
    @inline(__always)
    mutating func increment(_ key: UInt64) {
        let h = slot(key)
        if keys[h] == key { values[h] += 1; return }
        keys[h] = key
        values[h] = 1
        used.append(h)
        if used.count * 2 > keys.count { grow() }
    }

    /// Every key with its value, in insertion order.
    var entries: [(key: UInt64, value: Int32)] { used.map { (keys[$0], values[$0]) } }

    /// Empties the table, keeping its capacity.
    mutating func removeAll() {
        for h in used { keys[h] = Self.empty }
        used.removeAll(keepingCapacity: true)
    }

    private mutating func grow() {
        let old = entries
        let capacity = keys.count * 2
        keys = [UInt64](repeating: Self.empty, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        used.removeAll(keepingCapacity: true)
        for (k, v) in old {
            let h = slot(k)
            keys[h] = k
            values[h] = v
            used.append(h)
        }
    }
}
