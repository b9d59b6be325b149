/// A source line the importer left out of the report text, and why (page chrome, a metadata table row).
public struct DroppedLine: Sendable, Hashable {
    /// 1-based line of the text rendition.
    public var line: Int
    /// The line as it was.
    public var text: String
    /// Why it was left out, e.g. `chrome` or `metadata 索引号`.
    public var reason: String

    /// Creates a dropped line.
    public init(line: Int, text: String, reason: String) {
        self.line = line
        self.text = text
        self.reason = reason
    }
}
