/// A GitHub-flavoured Markdown table from rows of cell texts, escaped so that each cell renders as its text.
enum GFMTable {
    /// The table; the first row is the header row, short rows are padded with empty cells.
    static func markdown(_ rows: [[String]]) -> String {
        let width = max(1, rows.map(\.count).max() ?? 1)
        func row(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: width - cells.count)
            return "| " + padded.map { cell($0) }.joined(separator: " | ") + " |"
        }
        var out = [row(rows.first ?? [])]
        out.append("|" + Array(repeating: " --- |", count: width).joined())
        for r in rows.dropFirst() { out.append(row(r)) }
        return out.joined(separator: "\n")
    }

    /// One cell: line breaks become spaces, Markdown's special characters (the pipe among them) are escaped.
    static func cell(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ").trimmedSource
        return MarkdownEscaper.inline(flat)
    }
}
