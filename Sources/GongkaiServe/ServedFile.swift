/// One file of a good build as the preview server knows it between requests: its output path and the SHA-256 the
/// build's manifest gives it, nothing more. Its bytes stay in the built folder and are read per response
/// (`SiteSnapshot.body(of:)`), so the server holds a few dozen bytes a file instead of the whole site.
struct ServedFile: Sendable, Hashable {
    /// Path below the built folder (`example-2025/01/index.html`).
    let path: String
    /// SHA-256 of the bytes the build produced (before the live-reload tag), to tell which URLs changed.
    let sourceHash: String

    /// True for an HTML page (which gets the live-reload tag).
    var isPage: Bool { path.hasSuffix(".html") }

    /// `Content-Type`.
    var contentType: String { ContentType.of(path) }

    /// `ETag`, quoted: from the build's hash, with `-live` for pages (which are sent with the live-reload tag).
    var etag: String { isPage ? "\"\(sourceHash.prefix(32))-live\"" : "\"\(sourceHash.prefix(32))\"" }

    /// The URL path relative to the base path (`example-2025/01/` for an `index.html`).
    var urlPath: String {
        if path == "index.html" { return "" }
        if path.hasSuffix("/index.html") { return String(path.dropLast("index.html".count)) }
        return path
    }
}
