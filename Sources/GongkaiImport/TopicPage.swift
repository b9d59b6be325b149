/// One Markdown page the importer writes: the report's `_index.md`, a topic, a split topic's index or a sub-topic.
public struct TopicPage: Sendable, Hashable {
    /// Path below the report folder, e.g. `02/01.md`.
    public var path: String
    /// The heading as written (nil for the report's `_index.md`).
    public var title: String?
    /// Position among its siblings, 1-based.
    public var order: Int
    /// URL segment (the file stem, or the folder name for a topic's `_index.md`).
    public var slug: String
    /// The Markdown body.
    public var body: String
    /// Source line of the page's heading (or of its first paragraph).
    public var line: Int
    /// The page's text as in the source, without Markdown (title, headings and paragraphs, one per line).
    public var text: String = ""

    /// The topic id: the slug path below the report (`01`, `02/04`); empty for the report's `_index.md`.
    public var topicID: String {
        guard title != nil else { return "" }
        var p = path
        if p.hasSuffix("/_index.md") { p.removeLast("/_index.md".count) } else if p.hasSuffix(".md") { p.removeLast(3) }
        return p
    }

    /// The file's text: front matter (when the page has a title) and body.
    public var fileText: String {
        guard let title else { return body }
        var out = "---\ntitle: \(YAMLText.quoted(title))\norder: \(order)\nslug: \(YAMLText.quoted(slug))\n---\n"
        out += body
        return out
    }
}
