/// The result of rendering one Markdown document: HTML plus what the site model needs to know about it.
public struct RenderedMarkdown: Sendable, Hashable {
    /// A heading of the document, after level offset.
    public struct Heading: Sendable, Hashable {
        /// The rendered level, 1…6.
        public var level: Int
        /// The heading's plain text.
        public var text: String
        /// The anchor id given to it (unique within the document).
        public var id: String
        /// 1-based line in the Markdown source.
        public var line: Int

        /// Creates a heading record.
        public init(level: Int, text: String, id: String, line: Int) {
            self.level = level
            self.text = text
            self.id = id
            self.line = line
        }
    }

    /// A link or image target found in the document.
    public struct Link: Sendable, Hashable {
        /// The destination as written.
        public var destination: String
        /// True for an image.
        public var isImage: Bool
        /// For an image, its alt text (empty when missing).
        public var text: String
        /// 1-based line in the Markdown source (0 when cmark gave none).
        public var line: Int
        /// 1-based column in characters in the Markdown source (0 when cmark gave none).
        public var column: Int
    }

    /// A rendered body (what `MarkdownRenderer.render` gives; an empty one stands for a body not rendered yet).
    public init(html: String, headings: [Heading], links: [Link]) {
        self.html = html
        self.headings = headings
        self.links = links
    }

    /// The HTML fragment.
    public var html: String
    /// Headings in document order.
    public var headings: [Heading]
    /// Links and images in document order.
    public var links: [Link]
}
