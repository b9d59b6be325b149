/// The text rendition of a structured document: one line per block, blocks separated by an empty line, so that the
/// text parser sees the document's own paragraphs (nothing is joined), and the blocks' structure as ``LineHint``s.
/// This text is what the fidelity proof compares the site with, and what `source.txt` keeps.
enum DocumentText {
    /// `blocks` as a decoded source read from `path`.
    static func source(_ blocks: [DocumentBlock], path: String, encoding: SourceEncoding, format: SourceFormat) -> DecodedSource {
        var lines: [String] = []
        var hints: [Int: LineHint] = [:]
        for block in blocks {
            if !lines.isEmpty { lines.append("") }
            let line = lines.count + 1
            switch block {
            case .paragraph(let text, let markdown, let level):
                lines.append(text.replacingOccurrences(of: "\n", with: " "))
                if markdown != nil || level != nil { hints[line] = LineHint(headingLevel: level, markdown: markdown) }
            case .table(let rows):
                lines.append(rows.map { $0.joined(separator: "\t") }.joined(separator: "\t"))
                hints[line] = LineHint(markdown: GFMTable.markdown(rows), isBlock: true)
            case .image(let file, let alt):
                lines.append("")
                let text = alt.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
                hints[line] = LineHint(markdown: "![\(MarkdownEscaper.inline(text))](\(file))", isBlock: true)
            }
        }
        var source = DecodedSource(path: path, encoding: encoding, lineEnding: "LF", lines: lines)
        source.hints = hints
        source.format = format
        return source
    }

    /// The text rendition as a file (for `source.txt`).
    static func text(of source: DecodedSource) -> String {
        source.lines.joined(separator: "\n") + "\n"
    }
}
