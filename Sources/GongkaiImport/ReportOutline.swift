import GongkaiCore

/// The structure the parser found in a report: front lines, opening text, the heading tree and the closing.
/// Every piece keeps its source text exactly and the line it came from.
public struct ReportOutline: Sendable, Hashable {
    /// A piece of source text (a paragraph or a line) and the line it starts on.
    public struct Text: Sendable, Hashable {
        /// The text, with line-break artifacts joined and indentation removed, otherwise as in the source.
        public var text: String
        /// 1-based source line where it starts.
        public var line: Int
        /// Markdown written instead of the escaped text (bold, a table, an image), from a structured source.
        public var markdown: String?
        /// The heading level the source's structure gives (Word heading style or outline level, HTML heading).
        public var headingLevel: Int?
        /// A table or image: kept as its own block, never a heading.
        public var isBlock = false

        /// Creates a text.
        public init(_ text: String, line: Int) {
            self.text = text
            self.line = line
        }
    }

    /// A heading: its numbering level, the numbering and the full title as written.
    public struct Heading: Sendable, Hashable {
        /// 1…4 (一、 / (一) / 1. / (1)).
        public var level: Int
        /// The numbering as written, e.g. `(一)`.
        public var numbering: String
        /// The whole heading as written, numbering and any closing `。` included.
        public var title: String
        /// 1-based source line.
        public var line: Int
        /// True when the heading was the first sentence of its paragraph.
        public var runIn: Bool

        /// The title without its numbering and without a closing `。` (for outlines and navigation).
        public var plainTitle: String {
            var t = Substring(title.dropFirst(numbering.count))
            while let last = t.last, last == "。" { t = t.dropLast() }
            return String(t).trimmedSource
        }
    }

    /// A heading with the paragraphs up to its first sub-heading and its sub-sections.
    public struct Section: Sendable, Hashable {
        /// The section's heading.
        public var heading: Heading
        /// Paragraphs between the heading and the first sub-section.
        public var paragraphs: [Text]
        /// Sub-sections in order.
        public var children: [Section]

        /// Characters of text in the section, headings included.
        public var textLength: Int {
            heading.title.count + paragraphs.reduce(0) { $0 + $1.text.count } + children.reduce(0) { $0 + $1.textLength }
        }

        /// This heading and all below it, in document order.
        public var allHeadings: [Heading] { [heading] + children.flatMap(\.allHeadings) }
    }

    /// What a line before the opening text is.
    public enum FrontKind: String, Sendable, Hashable {
        case title, documentNumber, salutation
    }

    /// A line before the opening text and what it is.
    public struct FrontItem: Sendable, Hashable {
        /// Title, 文号 or salutation.
        public var kind: FrontKind
        /// The line.
        public var text: Text
    }

    /// Title, document number and salutation lines, in source order.
    public var front: [FrontItem] = []

    /// Paragraphs before the first heading.
    public var opening: [Text] = []
    /// Top-level sections (normally the 一、 sections).
    public var sections: [Section] = []
    /// Closing lines (特此报告。, a signature, the date line), in order.
    public var closing: [Text] = []
    /// Source lines that were joined to the line after them (a line break inside a sentence).
    public var joinedLines: [Int] = []
    /// Warnings found while parsing.
    public var diagnostics: [Diagnostic] = []

    /// The title as the text gives it (title lines joined), or nil.
    public var title: String? {
        let lines = front.filter { $0.kind == .title }.map(\.text.text)
        return lines.isEmpty ? nil : lines.joined()
    }
    /// The salutation line, or nil.
    public var salutation: String? { front.first { $0.kind == .salutation }?.text.text }
    /// The 文号 line, or nil.
    public var documentNumber: String? { front.first { $0.kind == .documentNumber }?.text.text }

    /// Every heading in document order.
    public var headings: [Heading] { sections.flatMap(\.allHeadings) }

    /// Number of headings per level 1…4.
    public var headingCounts: [Int] {
        var counts = [0, 0, 0, 0]
        for h in headings where (1...4).contains(h.level) { counts[h.level - 1] += 1 }
        return counts
    }

    /// The 成文日期 parsed from the last closing line that is a date, as `YYYY-MM-DD`.
    public var writtenDate: String? {
        for line in closing.reversed() { if let d = ChineseDate.parse(line.text) { return d } }
        return nil
    }
}
