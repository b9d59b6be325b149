/// A source file decoded to text and split into lines, with what the decoder found out about it.
public struct DecodedSource: Sendable, Hashable {
    /// The path as the user gave it (used in diagnostics).
    public let path: String
    /// The detected encoding.
    public let encoding: SourceEncoding
    /// `LF`, `CRLF`, `CR`, `mixed` or `none` (a single line).
    public let lineEnding: String
    /// The lines without their terminators; `lines[0]` is line 1. A line dropped as page chrome or read as metadata
    /// is empty here (see ``dropped``), so that line numbers stay those of the source.
    public var lines: [String]
    /// What the source's structure says about some lines (by 1-based line): headings, tables, images, bold.
    public var hints: [Int: LineHint] = [:]
    /// Lines left out of the report text, in order.
    public var dropped: [DroppedLine] = []
    /// The file's kind.
    public var format: SourceFormat = .text
    /// The title a web page gives its article (its heading or `<title>`), used when the text has no title line.
    public var pageTitle: String?
    /// Files the source brings along (images of a Word file), by name.
    public var attachments: [String: [UInt8]] = [:]

    /// Creates a decoded source.
    public init(path: String, encoding: SourceEncoding, lineEnding: String, lines: [String]) {
        self.path = path
        self.encoding = encoding
        self.lineEnding = lineEnding
        self.lines = lines
    }

    /// Splits `text` at LF, CRLF and CR, and names the line ending found.
    public static func splitLines(_ text: String) -> (lines: [String], ending: String) {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var kinds = Set<String>()
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.popFirst() {
            if s == "\n" {
                kinds.insert("LF")
                lines.append(String(current)); current = .init()
            } else if s == "\r" {
                if scalars.first == "\n" {
                    scalars.removeFirst()
                    kinds.insert("CRLF")
                } else {
                    kinds.insert("CR")
                }
                lines.append(String(current)); current = .init()
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        let ending = kinds.count == 1 ? (kinds.first ?? "none") : (kinds.isEmpty ? "none" : "mixed")
        return (lines, ending)
    }
}
