/// Counts the search keys of one document at a time. Single characters of the Basic Multilingual Plane are counted
/// in a plain array indexed by the character; every other key in an open-addressing table of single words, each
/// holding `key << 22 | marked << 21 | count` (keys are 42 bits, counts stop at 2^21 - 1), so that counting one key
/// touches one word. `removeAll` clears only what was used, so one counter serves many documents. Not shared between
/// threads.
struct KeyCounter: ~Copyable {
    private static let empty = UInt64.max
    private static let countMask: UInt64 = 0x1F_FFFF
    private static let markBit: UInt64 = 1 << 21
    private var slots: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    private var used: UnsafeMutablePointer<Int32>
    private var usedCount = 0
    /// `marked << 31 | count` of each BMP character, and the characters used, in the order first seen.
    private var characters: UnsafeMutablePointer<UInt32>
    private var usedCharacters: UnsafeMutablePointer<UInt16>
    private var usedCharacterCount = 0

    /// A counter sized for about `expected` keys (it grows as needed).
    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity *= 2 }
        self.capacity = capacity
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Self.empty, count: capacity)
        used = .allocate(capacity: capacity / 2 + 1)
        characters = .allocate(capacity: 0x10000)
        characters.initialize(repeating: 0, count: 0x10000)
        usedCharacters = .allocate(capacity: 0x10000)
    }

    deinit {
        slots.deallocate()
        used.deallocate()
        characters.deallocate()
        usedCharacters.deallocate()
    }

    /// Adds 1 to the count of the key of character `c` alone.
    @inline(__always)
    mutating func increment(character c: UInt32) {
        guard c < 0x10000 else { increment(SearchPostings.key(c, nil)); return }
        let v = use(character: c)
        if v & 0x7FFF_FFFF < 0x1F_FFFF { characters[Int(c)] = v + 1 }
    }

    /// The value of BMP character `c`, which is recorded as used when it was not yet.
    @inline(__always)
    private mutating func use(character c: UInt32) -> UInt32 {
        let v = characters[Int(c)]
        if v == 0 {
            usedCharacters[usedCharacterCount] = UInt16(c)
            usedCharacterCount += 1
        }
        return v
    }

    /// Marks the key of character `c` alone.
    @inline(__always)
    mutating func mark(character c: UInt32) {
        guard c < 0x10000 else { mark(SearchPostings.key(c, nil)); return }
        characters[Int(c)] = use(character: c) | 0x8000_0000
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        let mask = capacity - 1
        var h = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
        while slots[h] != Self.empty && slots[h] >> 22 != key { h = (h + 1) & mask }
        return h
    }

    /// Adds 1 to the count of `key` (a 42-bit key).
    @inline(__always)
    mutating func increment(_ key: UInt64) {
        let h = slot(key)
        let s = slots[h]
        if s != Self.empty {
            if s & Self.countMask < Self.countMask { slots[h] = s + 1 }
            return
        }
        insert(key << 22 | 1, at: h)
    }

    /// Marks `key` (inserting it with a count of 0).
    @inline(__always)
    mutating func mark(_ key: UInt64) {
        let h = slot(key)
        let s = slots[h]
        if s != Self.empty { slots[h] = s | Self.markBit; return }
        insert(key << 22 | Self.markBit, at: h)
    }

    @inline(__always)
    private mutating func insert(_ word: UInt64, at h: Int) {
        slots[h] = word
        used[usedCount] = Int32(h)
        usedCount += 1
        if usedCount * 2 > capacity { grow() }
    }

    /// Every key counted at least once, packed as `key << 22 | count << 1 | marked`: the BMP characters in the
    /// order first seen, then the other keys in the order first seen.
    func packedEntries() -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(usedCount + usedCharacterCount)
        for u in 0..<usedCharacterCount {
            let c = usedCharacters[u]
            let v = characters[Int(c)]
            let count = UInt64(v & 0x7FFF_FFFF)
            if count > 0 { out.append(SearchPostings.key(UInt32(c), nil) << 22 | count << 1 | UInt64(v >> 31)) }
        }
        for u in 0..<usedCount {
            let s = slots[Int(used[u])]
            let count = s & Self.countMask
            if count > 0 { out.append((s >> 22) << 22 | count << 1 | (s & Self.markBit) >> 21) }
        }
        return out
    }

    /// Empties the counter, keeping its capacity.
    mutating func removeAll() {
        for u in 0..<usedCount { slots[Int(used[u])] = Self.empty }
        usedCount = 0
        for u in 0..<usedCharacterCount { characters[Int(usedCharacters[u])] = 0 }
        usedCharacterCount = 0
    }

    private mutating func grow() {
        let words = (0..<usedCount).map { slots[Int(used[$0])] }
        slots.deallocate()
        used.deallocate()
        capacity *= 2
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Self.empty, count: capacity)
        used = .allocate(capacity: capacity / 2 + 1)
        usedCount = 0
        for w in words {
            let h = slot(w >> 22)
            slots[h] = w
            used[usedCount] = Int32(h)
            usedCount += 1
        }
    }
}
