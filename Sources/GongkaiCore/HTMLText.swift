/// Plain text of an HTML fragment: tags removed, the entities cmark and Mustache write decoded. Works on UTF-8
/// bytes (tags and entities are ASCII), which keeps it fast on large pages.
public enum HTMLText {
    /// Block tag names of up to 8 letters, packed little-endian into a word (`blockquote` is checked apart).
    private static let blockTags: [UInt64] = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "div", "section",
                                                     "table", "pre"].map(pack)

    private static let cellTags = (td: pack("td"), th: pack("th"))

    private static func pack(_ name: String) -> UInt64 {
        var packed: UInt64 = 0
        for (i, b) in name.utf8.prefix(8).enumerated() { packed |= UInt64(b) << (8 * UInt64(i)) }
        return packed
    }

    /// The text of `html`, with block ends turned into newlines.
    public static func plain(_ html: String) -> String {
        String(decoding: plainBytes(html), as: UTF8.self)
    }

    /// The UTF-8 bytes of `plain(html)`; with `spaceAfterCells`, a space ends every table cell's text.
    public static func plainBytes<S: StringProtocol>(_ html: S, spaceAfterCells: Bool = false) -> [UInt8] {
        if let out = html.utf8.withContiguousStorageIfAvailable({ plainBytes(buffer: $0, spaceAfterCells: spaceAfterCells) }) { return out }
        return Array(html.utf8).withUnsafeBufferPointer { plainBytes(buffer: $0, spaceAfterCells: spaceAfterCells) }
    }

    private static func plainBytes(buffer bytes: UnsafeBufferPointer<UInt8>, spaceAfterCells: Bool) -> [UInt8] {
        // The text is never longer than the HTML: a tag gives at most one byte, an entity fewer bytes than it has.
        [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
            var o = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == UInt8(ascii: "<") {
                    var j = i + 1
                    while j < n && bytes[j] != UInt8(ascii: ">") { j += 1 }
                    // Tag name: skip '/', read letters and digits.
                    var k = i + 1
                    let closing = k < j && bytes[k] == UInt8(ascii: "/")
                    if closing { k += 1 }
                    var packed: UInt64 = 0
                    var length = 0
                    while k < j, isNameByte(bytes[k]) {
                        if length < 8 { packed |= UInt64(bytes[k] | 0x20) << (8 * UInt64(length)) }
                        length += 1
                        k += 1
                    }
                    let isBlock = length <= 8 ? isBlockTag(packed)
                        : length == 10 && packed == pack("blockquo") && bytes[k - 2] | 0x20 == UInt8(ascii: "t") && bytes[k - 1] | 0x20 == UInt8(ascii: "e")
                    if spaceAfterCells && closing && length == 2 && (packed == cellTags.td || packed == cellTags.th) { out[o] = 0x20; o += 1 }
                    if isBlock, o > 0, out[o - 1] != UInt8(ascii: "\n") { out[o] = UInt8(ascii: "\n"); o += 1 }
                    i = j + 1
                } else if b == UInt8(ascii: "&") {
                    var j = i + 1
                    while j < n && j - i <= 10 && bytes[j] != UInt8(ascii: ";") && bytes[j] != UInt8(ascii: "&") && bytes[j] != UInt8(ascii: "<") { j += 1 }
                    if j < n && bytes[j] == UInt8(ascii: ";"), let decoded = decode(bytes[(i + 1)..<j]) {
                        for d in decoded { out[o] = d; o += 1 }
                        i = j + 1
                    } else {
                        out[o] = b; o += 1
                        i += 1
                    }
                } else {
                    // A run of text: up to the next `<` or `&`, found eight bytes at a time, copied in one piece.
                    var j = i + 1
                    if let base = UnsafeRawPointer(bytes.baseAddress) {
                        while j + 8 <= n && !mayHoldTagOrEntity(base.loadUnaligned(fromByteOffset: j, as: UInt64.self)) { j += 8 }
                    }
                    while j < n && bytes[j] != UInt8(ascii: "<") && bytes[j] != UInt8(ascii: "&") { j += 1 }
                    if let from = bytes.baseAddress, let to = out.baseAddress { (to + o).update(from: from + i, count: j - i) }
                    o += j - i
                    i = j
                }
            }
            count = o
        }
    }

    /// Whether any of the eight bytes in `word` may be `<` or `&` (a true answer can be wrong, a false one never is).
    @inline(__always)
    static func mayHoldTagOrEntity(_ word: UInt64) -> Bool {
        ByteWord.mayHold(UInt8(ascii: "<"), in: word) || ByteWord.mayHold(UInt8(ascii: "&"), in: word)
    }

    /// Whether a packed tag name (at most 8 letters) is one of `blockTags`.
    @inline(__always)
    private static func isBlockTag(_ packed: UInt64) -> Bool {
        blockTags.withUnsafeBufferPointer { $0.contains(packed) }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func decode(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8]? {
        let s = String(decoding: name, as: UTF8.self)
        switch s {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case "#39", "apos": return [UInt8(ascii: "'")]
        case "nbsp": return Array("\u{00A0}".utf8)
        default:
            var value: UInt32?
            if s.hasPrefix("#x") || s.hasPrefix("#X") { value = UInt32(s.dropFirst(2), radix: 16) } else if s.hasPrefix("#") { value = UInt32(s.dropFirst()) }
            if let v = value, let scalar = Unicode.Scalar(v) { return Array(String(Character(scalar)).utf8) }
            return nil
        }
    }
}
