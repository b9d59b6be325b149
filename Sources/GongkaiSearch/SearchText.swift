import GongkaiCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text rules of site search, shared character for character with `theme/assets/search.js` (`fold`,
/// `normalise`, `fnv1a`). Changing one side means changing the other.
///
/// Normalised text: full-width ASCII forms (U+FF01…U+FF5E) become half-width, the ideographic space becomes a space,
/// ASCII letters become lower case, and every run of whitespace becomes one space. Nothing else changes, so a
/// query is found exactly when it is a substring of the normalised text.
public enum SearchText {
    /// The normalised value of one Unicode scalar (a space for whitespace).
    @inline(__always)
    public static func fold(_ value: UInt32) -> UInt32 {
        var v = value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
        if v >= 0x41 && v <= 0x5A { return v + 32 }
        switch v {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x3000, 0x2028, 0x2029: return 0x20
        default: return v
        }
    }

    /// Whether the folded scalar `v` is punctuation or a symbol that index pairs are not made across (`separates` in
    /// search.js: the same list). A query is looked up by the pairs of its runs between separators and checked in
    /// the texts as a whole, so it is still found exactly. The list is fixed, not Unicode's categories, so that the
    /// index and every browser agree whatever their Unicode version: ASCII punctuation and symbols (full-width forms
    /// are folded to them first), U+2010…U+2027 and U+2030…U+205E (dashes, quotation marks, ‰, ※ …), 、。〃,
    /// the brackets U+3008…U+3011 and U+3014…U+301F, and U+FE30…U+FE4F and U+FF5F…U+FF65.
    @inline(__always)
    public static func separates(_ v: UInt32) -> Bool {
        if v < 0x80 {
            // One bit per ASCII value: 0x21…0x2F and 0x3A…0x3F in the first word; 0x40, 0x5B…0x60, 0x7B…0x7E in the second.
            let low: UInt64 = 0x7FFF << 0x21 | 0x3F << 0x3A
            let high: UInt64 = 1 | 0x3F << (0x5B - 0x40) | 0xF << (0x7B - 0x40)
            return (v < 0x40 ? low >> UInt64(v) : high >> UInt64(v - 0x40)) & 1 == 1
        }
        if v < 0x2010 { return false }
        if v <= 0x205E { return v <= 0x2027 || v >= 0x2030 }
        if v < 0x3001 { return false }
        if v <= 0x301F { return v <= 0x3003 || (v >= 0x3008 && v <= 0x3011) || v >= 0x3014 }
        if v < 0xFE30 { return false }
        return v <= 0xFE4F || (v >= 0xFF5F && v <= 0xFF65)
    }

    /// The normalised scalars of `text` (whitespace runs collapsed to one space).
    public static func normalise(_ text: String) -> [UInt32] {
        normalise(lines: [text])
    }

    /// `normalise(lines.joined(separator: "\n"))`, without joining.
    public static func normalise(lines: [String]) -> [UInt32] {
        let capacity = lines.reduce(0) { $0 + $1.utf8.count + 1 } // never fewer bytes than scalars
        return [UInt32](unsafeUninitializedCapacity: capacity) { buffer, count in
            var writer = NormalisedWriter(out: buffer)
            for (i, line) in lines.enumerated() {
                if i > 0 { writer.add(0x20) }
                // A native string's UTF-8 is valid and contiguous: decode it directly.
                let done: Void? = line.utf8.withContiguousStorageIfAvailable { writer.add(utf8: $0) }
                if done == nil {
                    for scalar in line.unicodeScalars { writer.add(scalar.value) }
                }
            }
            count = writer.count
        }
    }

    /// Appends normalised scalars to a buffer large enough for them.
    private struct NormalisedWriter {
        let out: UnsafeMutableBufferPointer<UInt32>
        var count = 0
        var lastWasSpace = false

        @inline(__always)
        mutating func add(_ value: UInt32) {
            let v = fold(value)
            if v == 0x20 {
                if lastWasSpace { return }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            out[count] = v
            count += 1
        }

        /// Adds the scalars of valid UTF-8.
        mutating func add(utf8 b: UnsafeBufferPointer<UInt8>) {
            SearchText.forEachScalar(utf8: b) { add($0) }
        }
    }

    /// Calls `body` with each scalar of valid UTF-8, in order (not yet folded).
    @inline(__always)
    static func forEachScalar(utf8 b: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Void) {
        var j = 0
        while j < b.count {
            let lead = UInt32(b[j])
            if lead < 0x80 {
                body(lead); j += 1
            } else if lead < 0xE0 {
                body((lead & 0x1F) << 6 | UInt32(b[j + 1] & 0x3F)); j += 2
            } else if lead < 0xF0 {
                body((lead & 0x0F) << 12 | UInt32(b[j + 1] & 0x3F) << 6 | UInt32(b[j + 2] & 0x3F)); j += 3
            } else {
                body((lead & 0x07) << 18 | UInt32(b[j + 1] & 0x3F) << 12 | UInt32(b[j + 2] & 0x3F) << 6 | UInt32(b[j + 3] & 0x3F)); j += 4
            }
        }
    }

    /// The normalised text as a string.
    public static func normalisedString(_ text: String) -> String {
        var s = String.UnicodeScalarView()
        for v in normalise(text) { if let u = Unicode.Scalar(v) { s.append(u) } }
        return String(s)
    }

    /// 32-bit FNV-1a of the UTF-8 bytes of `text`: which shard a key lives in.
    public static func fnv1a(_ text: String) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in text.utf8 {
            h ^= UInt32(b)
            h = h &* 0x0100_0193
        }
        return h
    }

    /// Plain text of a rendered HTML fragment: tags removed, entities decoded, one line per block, table cells
    /// separated by a space, lines trimmed, empty lines dropped.
    public static func plain<S: StringProtocol>(_ html: S) -> String {
        String(decoding: plainUTF8(html), as: UTF8.self)
    }

    /// The UTF-8 bytes of `plain(html)`.
    static func plainUTF8<S: StringProtocol>(_ html: S) -> [UInt8] {
        let bytes = HTMLText.plainBytes(html, spaceAfterCells: true)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { b in
            var lineStart = 0
            while lineStart < b.count {
                // The line's end found by `memchr` (a loop over bytes cost a third of this function).
                let lineEnd = UTF8Search.find(0x0A, in: b, from: lineStart) ?? b.count
                var s = lineStart, e = lineEnd
                while s < e, let n = whitespaceLength(b, at: s, end: e) { s += n }
                while e > s, let n = whitespaceLength(b, endingAt: e, start: s) { e -= n }
                if s < e {
                    if !out.isEmpty { out.append(0x0A) }
                    out.append(contentsOf: b[s..<e])
                }
                lineStart = lineEnd + 1
            }
        }
        return out
    }

    /// Byte length of the white-space character (Unicode White_Space, line feed aside) starting at `i`, or nil.
    private static func whitespaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        switch b[i] {
        case 0x09, 0x0B, 0x0C, 0x0D, 0x20: return 1
        case 0xC2 where i + 1 < end && (b[i + 1] == 0x85 || b[i + 1] == 0xA0): return 2
        case 0xE1 where i + 2 < end && b[i + 1] == 0x9A && b[i + 2] == 0x80: return 3
        case 0xE2 where i + 2 < end && b[i + 1] == 0x80 && ((0x80...0x8A).contains(b[i + 2]) || b[i + 2] == 0xA8 || b[i + 2] == 0xA9 || b[i + 2] == 0xAF): return 3
        case 0xE2 where i + 2 < end && b[i + 1] == 0x81 && b[i + 2] == 0x9F: return 3
        case 0xE3 where i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3
        default: return nil
        }
    }

    /// Byte length of the white-space character ending just before `e`, or nil.
    private static func whitespaceLength(_ b: UnsafeBufferPointer<UInt8>, endingAt e: Int, start: Int) -> Int? {
        if e - 1 >= start, let n = whitespaceLength(b, at: e - 1, end: e), n == 1 { return 1 }
        if e - 2 >= start, let n = whitespaceLength(b, at: e - 2, end: e), n == 2 { return 2 }
        if e - 3 >= start, let n = whitespaceLength(b, at: e - 3, end: e), n == 3 { return 3 }
        return nil
    }

    /// Splits a rendered body at its headings (`<h1>`…`<h6>` start tags): the part before the first heading, then
    /// one part per heading starting with that heading's tag.
    static func splitAtHeadings(_ html: String) -> [Substring] {
        var offsets: [Int] = []
        let scan: (UnsafeBufferPointer<UInt8>) -> Void = { b in
            guard let base = b.baseAddress else { return }
            var i = 0
            while i + 3 < b.count, let lt = memchr(base + i, Int32(UInt8(ascii: "<")), b.count - 3 - i) {
                i = base.distance(to: lt.assumingMemoryBound(to: UInt8.self))
                if b[i + 1] | 0x20 == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(b[i + 2]),
                   b[i + 3] == UInt8(ascii: ">") || b[i + 3] == UInt8(ascii: " ") {
                    offsets.append(i)
                }
                i += 1
            }
        }
        if html.utf8.withContiguousStorageIfAvailable(scan) == nil { Array(html.utf8).withUnsafeBufferPointer(scan) }
        var parts: [Substring] = []
        var start = html.utf8.startIndex
        for offset in offsets {
            let at = html.utf8.index(html.utf8.startIndex, offsetBy: offset)
            parts.append(html[start..<at])
            start = at
        }
        parts.append(html[start...])
        return parts
    }
}
