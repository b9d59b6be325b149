/// One block of a document read from a structured format (Word, HTML), in reading order.
public enum DocumentBlock: Sendable, Hashable {
    /// A paragraph: its text as shown (automatic numbering included), Markdown when it has bold runs, and the heading
    /// level its style or outline level gives (nil: body text).
    case paragraph(text: String, markdown: String?, headingLevel: Int?)
    /// A table: rows of cell texts; the first row is the header row.
    case table(rows: [[String]])
    /// An image, written beside the topic under `file`, with the document's alternative text (may be empty).
    case image(file: String, alt: String)
}
