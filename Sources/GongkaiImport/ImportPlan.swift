import GongkaiCore
import GongkaiIndicators

/// Everything an import will write, computed before anything is written.
public struct ImportPlan: Sendable {
    /// Report id.
    public let id: String
    /// The decoded source.
    public let source: DecodedSource
    /// The source bytes, written unchanged to `source.txt`.
    public let sourceBytes: [UInt8]
    /// The structure found.
    public let outline: ReportOutline
    /// report.yaml content.
    public var metadata: ImportMetadata
    /// Markdown pages in reading order.
    public let pages: [TopicPage]
    /// A draft `indicators.yaml` (figures found by GongkaiIndicators' extractor, for a person to curate), or nil.
    /// Written only when the report folder has no indicators.yaml yet.
    public var indicatorDraft: String?
    /// Warnings (and notes) collected so far.
    public var diagnostics: [Diagnostic]
    /// How the draft's figures were lined up with the same publisher's other years in the site (nil: the site has
    /// none with figures, or the report's year, series or publisher is not known).
    public var alignment: IndicatorAlignment.Result?
    /// What `alignment` was made against: the other years' folders, years ascending.
    public var alignedWith: [String] = []

    /// What the import says of the alignment, in English: counts, then each close match to check, one a line.
    public var alignmentLines: [String] { alignmentLines(.english) }

    /// What the import says of the alignment: counts in `language`, then each close match to check, one a
    /// tab-separated line (`check`, id, the two quotes, score).
    public func alignmentLines(_ language: Language) -> [String] {
        guard let alignment else { return [] }
        var out = [ImportText.figuresAligned(["drafted": alignment.indicators.indicators.count, "same": alignment.sameCount,
                                              "years": alignedWith.joined(separator: language == .chinese ? "、" : ", "),
                                              "close": alignment.close.count, "new": alignment.newCount]).text(language)]
        for (draft, match) in alignment.close {
            if case .close(let year, let reportID, let other, let score) = match {
                out.append("check\t\(draft.id)\t“\(draft.quote)” (\(draft.written)) ≈ \(year) “\(other.quote)” (\(other.written), content/\(reportID)/indicators.yaml)\t\(Int((score * 100).rounded()))%")
            }
        }
        return out
    }

    /// The outline as `--dry-run` prints it: level, numbering, title and source line of every heading, then the pages.
    public var listing: String {
        var out = "source\t\(source.path)\t\(source.encoding)\t\(source.lineEnding)\t\(source.lines.count) lines"
            + (source.format == .text ? "" : "\t\(source.format)") + "\n"
        let from: String
        switch metadata.titleSource {
        case .text: from = "from the text"
        case .option: from = "from --title"
        case .derived: from = "derived"
        case .page: from = "from the page"
        }
        out += "report\t\(id)\t\(metadata.title ?? "TODO")\t(title \(from))\n"
        for (key, value) in metadata.found { out += "metadata\t\(key)\t\(value)\n" }
        for d in source.dropped { out += "dropped\t\(d.reason)\t\(d.text)\t\(d.line)\n" }
        if source.dropped.isEmpty { out += "dropped\tnone\n" }
        for name in source.attachments.keys.sorted() { out += "image\t\(name)\n" }
        for item in outline.front { out += "front\t\(item.kind.rawValue)\t\(item.text.text)\t\(item.text.line)\n" }
        if let first = outline.opening.first { out += "opening\t\(outline.opening.count) paragraph(s)\t\t\(first.line)\n" }
        out += "level\tnumbering\ttitle\tline\n"
        for h in outline.headings { out += "\(h.level)\t\(h.numbering)\t\(h.plainTitle)\t\(h.line)\n" }
        for c in outline.closing { out += "closing\t\t\(c.text)\t\(c.line)\n" }
        let counts = outline.headingCounts
        out += "headings\t\(counts.map(String.init).joined(separator: " / ")) at levels 1 / 2 / 3 / 4\n"
        if let written = metadata.written { out += "written\t\(written)\n" }
        for line in outline.joinedLines { out += "joined\tline \(line) + \(line + 1)\n" }
        if indicatorDraft != nil { out += "draft\tindicators.yaml\n" }
        for line in alignmentLines { out += line.hasPrefix("check\t") ? line + "\n" : "aligned\t" + line + "\n" }
        for page in pages { out += "page\t\(page.path)\t\(page.title.map { $0 } ?? "(opening)")\t\(page.line)\n" }
        return out
    }
}
