import GongkaiCore

/// Turns site URL paths into links as written on one page: relative to that page, so `public/` works under any
/// sub-path; the 404 page, served at arbitrary URLs, uses the configured base path instead.
public struct LinkResolver: Sendable {
    /// Prefix from the page to the site root (`""`, `../`, `../../`, or the base path for 404).
    public let root: String
    /// Append `index.html` to folder links (for opening `public/` from the file system).
    public let fileSystemLinks: Bool

    /// A resolver for the page at `urlPath` (relative to the site root).
    public init(pageURLPath: String, kind: PageKind, basePath: String, fileSystemLinks: Bool) {
        self.fileSystemLinks = fileSystemLinks
        if kind == .notFound && !fileSystemLinks {
            root = basePath
        } else {
            let depth = pageURLPath.split(separator: "/", omittingEmptySubsequences: true).count - (pageURLPath.hasSuffix("/") || pageURLPath.isEmpty ? 0 : 1)
            root = String(repeating: "../", count: max(0, depth))
        }
    }

    /// The link to the site path `target` (`""` for home, `xiangcheng-2024/01/`, `assets/site.css`, with optional `#anchor`).
    public func href(_ target: String) -> String {
        var path = target
        var fragment = ""
        // The first `#` byte, not the first `#` character: a search by characters cost thousands of instructions a
        // link, and missed a `#` that a following combining mark joins into one character (an anchor id may start
        // with one), so that `--file-links` put no `index.html` before it.
        if let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) {
            path = String(target[..<hash])
            fragment = String(target[hash...])
        }
        if fileSystemLinks && (path.isEmpty || path.hasSuffix("/")) { path += "index.html" }
        let joined = root + path
        if joined.isEmpty { return "./" + fragment }
        return joined + fragment
    }

    /// A menu URL from the config: `/x/` is site-relative, anything with a scheme is left as it is.
    public func menuHref(_ url: String) -> String {
        if url.hasPrefix("/") { return href(String(url.dropFirst())) }
        return url
    }
}
