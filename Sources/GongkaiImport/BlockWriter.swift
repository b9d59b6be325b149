/// Turns the article element of a web page into ``DocumentBlock``s: a line ends at every block element and `<br>`,
/// bold (`<strong>`, `<b>`) is kept, a table becomes a table block; scripts, forms' controls and the metadata table
/// (read apart) are left out.
struct BlockWriter {
    private(set) var blocks: [DocumentBlock] = []
    private var runs: [(text: String, bold: Bool)] = []
    private let skip: Set<xmlNodeID>

    init(skip: Set<xmlNodeID>) { self.skip = skip }

    /// Ends the current line.
    mutating func endLine() {
        let text = HTMLReader.flat(runs.map(\.text).joined())
        if !text.isEmpty {
            blocks.append(.paragraph(text: text, markdown: BoldMarkdown.markdown(Self.flatRuns(runs)), headingLevel: nil))
        }
        runs = []
    }

    /// Runs with white space made single spaces, so that the Markdown's text is the line's.
    private static func flatRuns(_ runs: [(text: String, bold: Bool)]) -> [(text: String, bold: Bool)] {
        var out: [(text: String, bold: Bool)] = []
        var previousSpace = true
        for run in runs {
            var t = ""
            for c in run.text {
                if c.isWhitespace {
                    if !previousSpace { t.append(" ") }
                    previousSpace = true
                } else {
                    t.append(c)
                    previousSpace = false
                }
            }
            out.append((t, run.bold))
        }
        while let last = out.last, last.text.hasSuffix(" ") { out[out.count - 1].text.removeLast(); if out[out.count - 1].text.isEmpty { out.removeLast() } }
        return out
    }

    /// Walks `node`'s children.
    mutating func walk(_ node: XMLNodeRef, bold: Bool = false) {
        for child in node.children {
            if child.isText { runs.append((child.content, bold)); continue }
            guard child.isElement, !HTMLReader.skipped.contains(child.name), !skip.contains(xmlNodeID(child)) else { continue }
            let name = child.name
            if name == "table" {
                endLine()
                var rows: [[String]] = []
                for row in child.descendants(named: "tr") {
                    let cells = row.elements.filter { $0.name == "td" || $0.name == "th" }.map { HTMLReader.flat($0.text) }
                    if cells.contains(where: { !$0.isEmpty }) { rows.append(cells) }
                }
                // A one-column or one-row "table" is layout: its text as lines.
                if rows.count >= 2, (rows.map(\.count).max() ?? 0) >= 2 {
                    blocks.append(.table(rows: rows))
                } else {
                    walk(child, bold: bold)
                }
                endLine()
                continue
            }
            let isBlock = HTMLReader.blocks.contains(name) || name == "td" || name == "th"
            if isBlock { endLine() }
            walk(child, bold: bold || name == "strong" || name == "b")
            if isBlock { endLine() }
        }
    }
}
