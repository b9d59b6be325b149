import GongkaiCore

/// Everything read from `content/` and `theme/`, before any page is assembled.
public struct LoadedSite: Sendable {
    /// The site configuration.
    public var config: SiteConfig
    /// Reports in folder-name order.
    public var reports: [LoadedReport]
    /// The theme.
    public var theme: Theme
    /// Warnings found while loading.
    public var diagnostics: [Diagnostic]
    /// Files site.yaml names (the header's logo), published under `assets/`.
    public var siteFiles: [StaticFile] = []
}

/// One report folder as read.
public struct LoadedReport: Sendable {
    /// Metadata from `report.yaml`.
    public var metadata: ReportMetadata
    /// The opening text (`_index.md` body), if any.
    public var opening: MarkdownSource?
    /// Topics in reading order (a parent before its children).
    public var topics: [LoadedTopic]
    /// `indicators.yaml`, if present.
    public var indicators: SourceFile?
    /// Other files of the folder (images, PDFs) copied as they are: path below the report folder → bytes.
    public var assets: [StaticFile]
}

/// A Markdown body with the place it starts in its file.
public struct MarkdownSource: Sendable, Hashable {
    /// The file's display path.
    public var path: String
    /// The Markdown text.
    public var text: String
    /// The file line the text starts at.
    public var firstLine: Int
    /// Where to read the text when the loader left it on disk (`text` is empty then).
    public var deferred: DeferredBody? = nil

    /// The body, read again from its file when it was left there.
    func load() throws(DiagnosticError) -> MarkdownBody {
        guard let deferred else { return .text(text) }
        return try deferred.body(displayPath: path)
    }
}

/// One topic file as read.
public struct LoadedTopic: Sendable, Hashable {
    /// Slug path below the report (`01`, `02/04`): the topic id.
    public var id: String
    /// The parent topic's id, nil for a top-level topic.
    public var parentID: String?
    /// Depth: 1 for a top-level topic.
    public var depth: Int
    /// The heading exactly as written.
    public var title: String
    /// Sort key among siblings.
    public var order: Int
    /// Optional one-line summary.
    public var summary: String
    /// The body.
    public var body: MarkdownSource
    /// Where the title is defined.
    public var titleLocation: SourceLocation
    /// Where the summary is defined (nil: no `summary` line).
    public var summaryLocation: SourceLocation? = nil
}

/// A file copied to the output unchanged.
public struct StaticFile: Sendable, Hashable {
    /// Output path relative to `public/`.
    public var outputPath: String
    /// The bytes.
    public var bytes: [UInt8]
}
