import Foundation
import GongkaiCore
import Markdown

/// Moves relative links of a rendered fragment from the page it was written for to another page that shows it
/// (a topic's body inside the full report, a report's opening on the home page), so that they still reach the
/// same targets.
enum HTMLLinkRebaser {
    private static let href = Array(" href=\"".utf8)
    private static let src = Array(" src=\"".utf8)

    /// `html` written for the page at `source` (a URL path), rewritten for the page at `destination`.
    static func rebase(_ html: String, from source: String, to destination: String) -> String {
        guard source != destination else { return html }
        let root = String(repeating: "../", count: destination.split(separator: "/").count)
        return rewriteAttributes(html) { rewrite($0, source: source, root: root) }
    }

    /// `html` with the value of every double-quoted `href` and `src` attribute replaced by what `transform` gives
    /// for it (the value as written, entities and all); a value it gives nil for is left as it is.
    static func rewriteAttributes(_ html: String, _ transform: (String) -> String?) -> String {
        let bytes = Array(html.utf8)
        var nextHref = UTF8Search.find(href, in: bytes)
        var nextSrc = UTF8Search.find(src, in: bytes)
        guard nextHref != nil || nextSrc != nil else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var cursor = 0
        while true {
            let valueStart: Int
            switch (nextHref, nextSrc) {
            case let (h?, s?) where h < s: valueStart = h + href.count
            case let (_, s?): valueStart = s + src.count
            case let (h?, nil): valueStart = h + href.count
            case (nil, nil): out += bytes[cursor...]; return String(decoding: out, as: UTF8.self)
            }
            guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            out += bytes[cursor..<valueStart]
            let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            out += Array((transform(value) ?? value).utf8)
            cursor = valueEnd
            if let h = nextHref, h < valueEnd { nextHref = UTF8Search.find(href, in: bytes, from: valueEnd) }
            if let s = nextSrc, s < valueEnd { nextSrc = UTF8Search.find(src, in: bytes, from: valueEnd) }
        }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
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
        var target = URLPathEncoding.encode(resolved.path)
        // A folder link written with its `index.html` (`--file-links`) keeps it.
        if path.hasSuffix("index.html") && (target.isEmpty || target.hasSuffix("/")) { target += "index.html" }
        let joined = root + target
        return (joined.isEmpty ? "./" : joined) + fragment
    }
}
