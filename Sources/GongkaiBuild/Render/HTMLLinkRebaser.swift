import Foundation
import GongkaiCore

/// Moves relative links of a rendered fragment from the page it was written for to another page that shows it
/// (a topic's body inside the full report, a report's opening on the home page), so that they still reach the
/// same targets.
enum HTMLLinkRebaser {
    /// `html` written for the page at `source` (a URL path), rewritten for the page at `destination`.
    static func rebase(_ html: String, from source: String, to destination: String) -> String {
        guard source != destination, html.contains(" href=\"") || html.contains(" src=\"") else { return html }
        let depth = destination.split(separator: "/").count
        let root = String(repeating: "../", count: depth)
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let attr = nextAttribute(in: rest) {
            out += rest[..<attr.valueStart]
            let value = String(rest[attr.valueStart..<attr.valueEnd])
            out += rewrite(value, source: source, root: root)
            rest = rest[attr.valueEnd...]
        }
        out += rest
        return out
    }

    private static func nextAttribute(in text: Substring) -> (valueStart: Substring.Index, valueEnd: Substring.Index)? {
        let href = text.range(of: " href=\"")
        let src = text.range(of: " src=\"")
        let first: Range<Substring.Index>?
        switch (href, src) {
        case let (h?, s?): first = h.lowerBound < s.lowerBound ? h : s
        case let (h?, nil): first = h
        case let (nil, s?): first = s
        default: first = nil
        }
        guard let first, let end = text[first.upperBound...].firstIndex(of: "\"") else { return nil }
        return (first.upperBound, end)
    }

    private static func rewrite(_ value: String, source: String, root: String) -> String {
        if value.isEmpty || value.contains("://") || value.hasPrefix("/") || value.hasPrefix("mailto:") || value.hasPrefix("tel:") || value.hasPrefix("data:") {
            return value
        }
        var fragment = ""
        var path = value
        if let hash = value.firstIndex(of: "#") {
            fragment = String(value[hash...])
            path = String(value[..<hash])
        }
        guard let resolved = SiteChecker.resolve(path.isEmpty ? "./" : path, from: source) else { return value }
        let target = resolved.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? resolved.path
        let joined = root + target
        return (joined.isEmpty ? "./" : joined) + fragment
    }
}
