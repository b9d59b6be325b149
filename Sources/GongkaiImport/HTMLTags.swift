/// The elements an HTML fragment cmark produced uses.
enum HTMLTags {
    /// Element names of all opening tags, e.g. `["p", "h2", "a"]`.
    static func names(in html: String) -> [String] {
        var names: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let first = rest.first, first != "/" else { continue }
            names.append(String(rest.prefix { $0.isLetter || $0.isNumber }).lowercased())
        }
        return names
    }
}
