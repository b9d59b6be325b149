/// Escapes text so that Markdown renders it as exactly these characters.
///
/// Backslash-escapes `* _ # < > [ ] ` | \ ~ &` everywhere, and at the start of a paragraph a `-` or `+` and the
/// `.` or `)` of a leading number (`1.`), which would otherwise start a list.
enum MarkdownEscaper {
    static let special: Set<Character> = ["*", "_", "#", "<", ">", "[", "]", "`", "|", "\\", "~", "&"]

    /// Escapes the text of a heading (after the `## `).
    static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if special.contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Escapes a paragraph, including a leading list marker.
    static func paragraph(_ text: String) -> String {
        var out = inline(text)
        if let first = out.first, first == "-" || first == "+" || first == "=" {
            out.insert("\\", at: out.startIndex)
        }
        let digits = out.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 9 {
            let after = out.index(out.startIndex, offsetBy: digits.count)
            if after < out.endIndex, out[after] == "." || out[after] == ")" { out.insert("\\", at: after) }
        }
        return out
    }
}
