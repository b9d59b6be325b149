/// Choices made on the command line rather than in the site config.
public struct BuildOptions: Sendable, Hashable {
    /// Overrides `base_url` of the site config.
    public var baseURL: String?
    /// Make folder links end in `index.html`, so that `public/` reads from the file system.
    public var fileSystemLinks: Bool
    /// Build-time stamp for pages (from SOURCE_DATE_EPOCH); nil keeps pages free of build times.
    public var buildDate: String?

    /// Creates options.
    public init(baseURL: String? = nil, fileSystemLinks: Bool = false, buildDate: String? = nil) {
        self.baseURL = baseURL
        self.fileSystemLinks = fileSystemLinks
        self.buildDate = buildDate
    }
}
