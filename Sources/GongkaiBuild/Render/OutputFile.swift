import GongkaiCore

/// One file of the built site, in memory until the write stage.
public struct OutputFile: Sendable, Hashable {
    /// Path below `public/` (`xiangcheng-2024/01/index.html`).
    public var path: String
    /// The bytes.
    public var bytes: [UInt8]
    /// What it is.
    public var kind: PageKind
    /// Page title (empty for assets).
    public var title: String
    /// Report id, where it belongs to one.
    public var reportID: String?

    /// Creates an output file.
    public init(path: String, bytes: [UInt8], kind: PageKind, title: String = "", reportID: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.kind = kind
        self.title = title
        self.reportID = reportID
    }

    /// The URL path relative to the site root (`xiangcheng-2024/01/` for an `index.html`).
    public var urlPath: String {
        if path == "index.html" { return "" }
        if path.hasSuffix("/index.html") { return String(path.dropLast("index.html".count)) }
        return path
    }
}
