/// Escaping for the text formats Gongkai writes by hand: HTML/XML, JSON string literals, double-quoted YAML scalars.
public enum TextEscaping {
    /// Text for HTML or XML content and attribute values: `& < > "` and, unless `apostrophe` is false, `'`.
    /// (cmark escapes the first four only; pass `apostrophe: false` to match its output.)
    public static func html(_ text: String, apostrophe: Bool = true) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { entity($0, apostrophe: apostrophe) != nil }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            appendHTML(utf8: bytes, apostrophe: apostrophe, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// Appends the UTF-8 bytes of `html(text)` to `out` (what a template's `{{x}}` inserts).
    public static func appendHTML(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendHTML(utf8: $0, apostrophe: true, to: &out) }
    }

    /// Appends `bytes` escaped for HTML to `out`: runs without a special byte are copied whole.
    private static func appendHTML(utf8 bytes: UnsafeBufferPointer<UInt8>, apostrophe: Bool, to out: inout [UInt8]) {
        var run = 0
        for (i, b) in bytes.enumerated() {
            guard let entity = entity(b, apostrophe: apostrophe) else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            run = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }

    /// The entity for a byte that HTML text must escape (`'` only with `apostrophe`), nil for any other.
    @inline(__always)
    private static func entity(_ b: UInt8, apostrophe: Bool) -> StaticString? {
        switch b {
        case 0x26: return "&amp;"
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x22: return "&quot;"
        case 0x27 where apostrophe: return "&#39;"
        default: return nil
        }
    }

    /// A JSON string literal; non-ASCII stays UTF-8, control characters and U+2028/U+2029 are escaped (safe in JS).
    /// Works on UTF-8 bytes: the search index writes megabytes of these.
    public static func json(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        appendJSON(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `json(text)` to `out`.
    public static func appendJSON(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendJSON(utf8: $0, to: &out) }
    }

    /// Appends `json(text)` for text given as valid UTF-8: runs without escapes are copied whole.
    public static func appendJSON(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var i = 0
        var runStart = 0
        // Bytes that may need an escape: control characters, `"`, `\`, and 0xE2 (U+2028 and U+2029 start with it).
        @inline(__always) func plain(_ b: UInt8) -> Bool { b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 }
        while i < bytes.count {
            // Eight bytes at a time while none of them can need an escape, then byte by byte through the next eight.
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while i + 8 <= bytes.count && !Self.mayNeedJSONEscape(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
            }
            let stop = min(bytes.count, i + 8)
            while i < stop && plain(bytes[i]) { i += 1 }
            guard i < stop else { continue }
            let b = bytes[i]
            let isLineSeparator = b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
            guard b != 0xE2 || isLineSeparator else { i += 1; continue }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            out.append(0x5C)
            switch b {
            case 0x22, 0x5C: out.append(b)
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0xE2: out += [UInt8(ascii: "u"), 0x32, 0x30, 0x32, bytes[i + 2] == 0xA8 ? 0x38 : 0x39]  // u2028, u2029
            default: out += Array("u\(hex(UInt32(b), width: 4))".utf8)  // other control characters (rare)
            }
            i += b == 0xE2 ? 3 : 1
            runStart = i
        }
        if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        out.append(0x22)
    }

    /// Whether any of the eight bytes in `word` may be one that `appendJSON` escapes or looks at (below 0x20, `"`,
    /// `\`, 0xE2). A true answer can be wrong (a borrow between bytes); a false one never is.
    @inline(__always)
    static func mayNeedJSONEscape(_ word: UInt64) -> Bool {
        ByteWord.mayHoldByte(below: 0x20, in: word) || ByteWord.mayHold(0x22, in: word) || ByteWord.mayHold(0x5C, in: word)
            || ByteWord.mayHold(0xE2, in: word)
    }

    /// A double-quoted YAML scalar.
    public static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
