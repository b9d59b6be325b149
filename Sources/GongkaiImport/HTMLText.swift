/// The text of an HTML fragment cmark produced, and the tags it uses.
enum HTMLText {
    /// Text with tags removed and character references decoded.
    static func text(of html: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = Array(html.unicodeScalars)[...]
        while let s = scalars.popFirst() {
            if s == "<" {
                while let t = scalars.popFirst(), t != ">" {}
            } else if s == "&", let semi = scalars.prefix(12).firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(scalars[scalars.startIndex..<semi]))
                if let decoded = decode(name) {
                    out.append(decoded)
                    scalars = scalars[(semi + 1)...]
                } else {
                    out.append(s)
                }
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Element names of all opening tags, e.g. `["p", "h2", "a"]`.
    static func tagNames(in html: String) -> [String] {
        var names: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let first = rest.first, first != "/" else { continue }
            names.append(String(rest.prefix { $0.isLetter || $0.isNumber }).lowercased())
        }
        return names
    }

    private static func decode(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") { return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
            return nil
        }
    }
}
