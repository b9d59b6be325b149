/// What a structured source (Word, HTML) says about one line of its text rendition, beyond the text itself.
public struct LineHint: Sendable, Hashable {
    /// A heading level from the document's structure (Word outline level or heading style, an HTML heading), 1…6.
    public var headingLevel: Int?
    /// Markdown to write instead of the escaped text (bold runs, a GFM table, an image); its rendered text is the line's.
    public var markdown: String?
    /// A table or an image: never a heading, never joined with a neighbouring line.
    public var isBlock: Bool

    /// Creates a hint.
    public init(headingLevel: Int? = nil, markdown: String? = nil, isBlock: Bool = false) {
        self.headingLevel = headingLevel
        self.markdown = markdown
        self.isBlock = isBlock
    }
}
