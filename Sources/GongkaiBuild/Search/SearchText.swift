import GongkaiCore

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

    /// The normalised scalars of `text` (whitespace runs collapsed to one space).
    public static func normalise(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count / 2)
        for scalar in text.unicodeScalars {
            let v = fold(scalar.value)
            if v == 0x20 && out.last == 0x20 { continue }
            out.append(v)
        }
        return out
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
    public static func plain(_ html: String) -> String {
        let spaced = UTF8Search.replacingAll("</th>", with: " </th>", in: UTF8Search.replacingAll("</td>", with: " </td>", in: html))
        return HTMLText.plain(spaced)
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// Splits a rendered body at its headings (`<h1>`…`<h6>` start tags): the part before the first heading, then
    /// one part per heading starting with that heading's tag.
    static func splitAtHeadings(_ html: String) -> [Substring] {
        var parts: [Substring] = []
        var start = html.startIndex
        var i = html.startIndex
        let utf8 = html.utf8
        while let lt = html[i...].firstIndex(of: "<") {
            let next = utf8.index(after: lt)
            if next < html.endIndex, utf8[next] == UInt8(ascii: "h") || utf8[next] == UInt8(ascii: "H") {
                let digit = utf8.index(after: next)
                if digit < html.endIndex, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(utf8[digit]) {
                    let after = utf8.index(after: digit)
                    if after < html.endIndex, utf8[after] == UInt8(ascii: ">") || utf8[after] == UInt8(ascii: " ") {
                        parts.append(html[start..<lt])
                        start = lt
                    }
                }
            }
            i = html.index(after: lt)
        }
        parts.append(html[start...])
        return parts
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
