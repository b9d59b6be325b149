/// Plain text of an HTML fragment: tags removed, the entities cmark and Mustache write decoded.
public enum HTMLText {
    /// The text of `html`, with block ends turned into newlines.
    public static func plain(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        var tag = ""
        var entity: String?
        for c in html {
            if inTag {
                if c == ">" {
                    inTag = false
                    let name = tag.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "\n" }).first.map(String.init) ?? ""
                    if ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "div", "section", "table", "blockquote", "pre"].contains(name) {
                        if !out.hasSuffix("\n") && !out.isEmpty { out.append("\n") }
                    }
                    tag = ""
                } else {
                    tag.append(c)
                }
                continue
            }
            if var e = entity {
                if c == ";" {
                    out += decode(e)
                    entity = nil
                } else if e.count > 10 || c == "&" || c == "<" || c.isWhitespace {
                    out += "&" + e
                    entity = nil
                    if c == "<" { inTag = true } else if c == "&" { entity = "" } else { out.append(c) }
                } else {
                    e.append(c)
                    entity = e
                }
                continue
            }
            switch c {
            case "<": inTag = true
            case "&": entity = ""
            default: out.append(c)
            }
        }
        if let e = entity { out += "&" + e }
        return out
    }

    private static func decode(_ name: String) -> String {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "#39", "apos": return "'"
        case "nbsp": return "\u{00A0}"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) { return String(Character(s)) }
            if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let s = Unicode.Scalar(v) { return String(Character(s)) }
            return "&\(name);"
        }
    }
}
