/// An open-addressing hash table from search keys (`UInt64`, never `UInt64.max`) to small integers (the merge's
/// key slots): no per-lookup allocation, seeded hashing or copy-on-write checks. Not shared between threads.
struct KeyTable: ~Copyable {
    private static let empty = UInt64.max
    private var keys: UnsafeMutablePointer<UInt64>
    private var values: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private var used: [Int] = []

    /// A table sized for about `expected` keys (it grows as needed).
    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity *= 2 }
        self.capacity = capacity
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: Self.empty, count: capacity)
        values = .allocate(capacity: capacity)
        values.initialize(repeating: 0, count: capacity)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        let mask = capacity - 1
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
        insert(key, v, at: h)
        return v
    }

    @inline(__always)
    private mutating func insert(_ key: UInt64, _ value: Int32, at h: Int) {
        keys[h] = key
        values[h] = value
        used.append(h)
        if used.count * 2 > capacity { grow() }
    }

    /// Every key with its value, in insertion order.
    var entries: [(key: UInt64, value: Int32)] { used.map { (keys[$0], values[$0]) } }

    private mutating func grow() {
        let old = entries
        keys.deallocate()
        values.deallocate()
        capacity *= 2
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: Self.empty, count: capacity)
        values = .allocate(capacity: capacity)
        values.initialize(repeating: 0, count: capacity)
        used.removeAll(keepingCapacity: true)
        for (k, v) in old {
            let h = slot(k)
            keys[h] = k
            values[h] = v
            used.append(h)
        }
    }
}
