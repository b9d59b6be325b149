/// Options that change how Markdown is turned into HTML.
public struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML blocks and inline HTML through (cmark's UNSAFE option). Off by default.
    public var allowRawHTML: Bool
    /// Enable `[^note]` footnotes.
    public var footnotes: Bool
    /// Added to every heading level (a `##` becomes `h(2+offset)`), clamped to 6. Used where a page nests documents.
    public var headingLevelOffset: Int
    /// Put `id` attributes on headings.
    public var headingIDs: Bool

    /// Creates options; the defaults are the safe site defaults.
    public init(allowRawHTML: Bool = false, footnotes: Bool = true, headingLevelOffset: Int = 0, headingIDs: Bool = true) {
        self.allowRawHTML = allowRawHTML
        self.footnotes = footnotes
        self.headingLevelOffset = headingLevelOffset
        self.headingIDs = headingIDs
    }
}
