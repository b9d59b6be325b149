import GongkaiCore

/// A key's posting list as the merge holds it until its shard is written: the same entries as the posting-list text
/// (`SearchPostings.appendPostings`) in about a third of the bytes, and the length that text will have.
///
/// Frequent keys make most of the index, and most of their entries follow the previous document closely:
/// * a difference of 1 to 4 and a count of 1 to 16 take one byte, `0b0ddcccct` (d: difference − 1, c: count − 1, t: in
///   the title);
/// * a difference of 1 to 8 and a count of 1 to 1,024 take two, `0b10dddccc cccccccct`;
/// * any other takes 0xC0 followed by the difference and `count << 1 | in title`, each as a LEB128 number.
/// The text takes two to five bytes for most entries.
struct CompactPostings: Sendable, Equatable {
    /// The encoded entries.
    private(set) var bytes: [UInt8] = []
    /// How many bytes the list's text takes.
    private(set) var textCount = 0
    /// The last document of the list (the next entry is a difference from it).
    private(set) var last: Int32 = 0

    /// An empty list.
    init() {}

    /// Appends entries (`info` = count << 1 | in title) in ascending document order, after the list's last document.
    mutating func append<D: RandomAccessCollection<Int32>, I: RandomAccessCollection<UInt32>>(docs: D, info: I) {
        // At most 1 + 5 + 4 bytes an entry (a difference below 2^32: five LEB128 bytes; a value below 2^22: four).
        let wasEmpty = bytes.isEmpty
        var text = 0
        var previous = last
        let added = [UInt8](unsafeUninitializedCapacity: max(docs.count * 10, 1)) { buffer, count in
            var o = 0
            for (doc, value) in zip(docs, info) {
                let difference = UInt32(truncatingIfNeeded: doc &- previous)
                previous = doc
                let tally = value >> 1
                text += Self.base36Count(difference) + (tally > 1 ? 1 + Self.base36Count(tally) : 0) + Int(value & 1)
                if difference &- 1 < 4 && tally &- 1 < 16 {
                    buffer[o] = UInt8(truncatingIfNeeded: (difference - 1) << 5 | (tally - 1) << 1 | value & 1)
                    o += 1
                } else if difference &- 1 < 8 && tally &- 1 < 1024 {
                    let packed = (difference - 1) << 11 | (tally - 1) << 1 | value & 1
                    buffer[o] = 0x80 | UInt8(truncatingIfNeeded: packed >> 8)
                    buffer[o + 1] = UInt8(truncatingIfNeeded: packed)
                    o += 2
                } else {
                    buffer[o] = 0xC0
                    o += 1
                    LEB128.write(UInt64(difference), to: buffer, at: &o)
                    LEB128.write(UInt64(value), to: buffer, at: &o)
                }
            }
            count = o
        }
        // Commas between entries.
        text += docs.count - (wasEmpty && !docs.isEmpty ? 1 : 0)
        textCount += text
        last = previous
        // Exactly as much room as the list now needs: a list grows once per window (a few times in all), and the
        // doubling `+=` would otherwise leave up to half of every list's buffer unused until the index is written.
        bytes.reserveCapacity(bytes.count + added.count)
        bytes += added
    }

    /// Appends the list's text (`SearchPostings.appendPostings`'s) to `out`.
    func appendText(to out: inout [UInt8]) {
        let text = bytes.withUnsafeBufferPointer { b in
            // The text is at most `textCount` bytes (checked below): it is written straight into the array.
            [UInt8](unsafeUninitializedCapacity: max(textCount, 1)) { buffer, count in
                var i = 0
                var o = 0
                while o < textCount, let (difference, value) = Self.entry(in: b, at: &i) {
                    let tally = value >> 1
                    // Checked before each entry is written: never past the buffer, whatever the bytes say.
                    let room = 1 + Self.base36Count(difference) + (tally > 1 ? 1 + Self.base36Count(tally) : 0) + Int(value & 1)
                    guard o + room - (o == 0 ? 1 : 0) <= textCount else { break }
                    if o > 0 { buffer[o] = UInt8(ascii: ","); o += 1 }
                    SearchPostings.appendBase36(Int(difference), to: buffer, at: &o)
                    if tally > 1 {
                        buffer[o] = UInt8(ascii: ":"); o += 1
                        SearchPostings.appendBase36(Int(tally), to: buffer, at: &o)
                    }
                    if value & 1 == 1 { buffer[o] = UInt8(ascii: "*"); o += 1 }
                }
                count = o
            }
        }
        assert(text.count == textCount, "posting-list text of unexpected length")
        out += text
    }

    /// The list's entries: documents in ascending order and each one's `count << 1 | in title` (what `append` took).
    func entries() -> (docs: [Int32], info: [UInt32]) {
        var docs: [Int32] = []
        var info: [UInt32] = []
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            var previous: Int32 = 0
            while let (difference, value) = Self.entry(in: b, at: &i) {
                previous = previous &+ Int32(bitPattern: difference)
                docs.append(previous)
                info.append(value)
            }
        }
        return (docs, info)
    }

    /// The entry at `b[i]` (its difference from the previous document and its `count << 1 | in title`), moving `i`
    /// past it; nil at the end of the bytes (or at an entry cut short).
    @inline(__always)
    private static func entry(in b: UnsafeBufferPointer<UInt8>, at i: inout Int) -> (difference: UInt32, value: UInt32)? {
        guard i < b.count else { return nil }
        if b[i] < 0x80 {
            defer { i += 1 }
            return (UInt32(b[i] >> 5) + 1, (UInt32((b[i] >> 1) & 15) + 1) << 1 | UInt32(b[i] & 1))
        }
        if b[i] < 0xC0 {
            guard i + 1 < b.count else { return nil }
            let packed = UInt32(b[i] & 0x3F) << 8 | UInt32(b[i + 1])
            i += 2
            return ((packed >> 11) + 1, ((packed >> 1 & 0x3FF) + 1) << 1 | packed & 1)
        }
        i += 1
        let difference = UInt32(truncatingIfNeeded: LEB128.read(b, at: &i))
        return (difference, UInt32(truncatingIfNeeded: LEB128.read(b, at: &i)))
    }

    /// The number of base-36 digits of `value`.
    @inline(__always)
    static func base36Count(_ value: UInt32) -> Int {
        var n = 1
        var v = value
        while v >= 36 { v /= 36; n += 1 }
        return n
    }
}
