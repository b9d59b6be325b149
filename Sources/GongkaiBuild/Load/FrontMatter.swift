import GongkaiCore

/// A Markdown file split into its YAML front matter and body.
public struct FrontMatterDocument: Sendable, Hashable {
    /// The front matter (an empty mapping when the file has none).
    public var fields: YAMLValue
    /// The Markdown body.
    public var body: String
    /// 1-based file line where the body starts.
    public var bodyLine: Int
    /// Where the body starts in the file's text (UTF-8 bytes).
    public var bodyOffset = 0

    /// Splits `file` at `---` lines and parses the front matter with Yams.
    public static func parse(_ file: SourceFile) throws(DiagnosticError) -> FrontMatterDocument {
        try parse(file, keepBody: true)
    }

    /// `parse(_:)`; without `keepBody`, `body` is left empty (its place is in `bodyOffset` and `bodyLine`).
    static func parse(_ file: SourceFile, keepBody: Bool) throws(DiagnosticError) -> FrontMatterDocument {
        let text = file.text
        let emptyFields = YAMLValue.mapping([], SourceLocation(path: file.path, line: 1, column: 1))
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else {
            return FrontMatterDocument(fields: emptyFields, body: keepBody ? text : "", bodyLine: 1)
        }
        // Find the closing `---` line on the UTF-8 bytes (the body can be long; only the front matter is read).
        let utf8 = text.utf8
        var lineStart = utf8.index(after: utf8.firstIndex(of: 0x0A) ?? utf8.startIndex)
        var yamlLines: [Substring] = []
        var bodyStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let line = text[lineStart..<lineEnd]
            if line == "---" || line == "---\r" {
                bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                break
            }
            yamlLines.append(line)
            if lineEnd == utf8.endIndex { break }
            lineStart = utf8.index(after: lineEnd)
        }
        guard let bodyStart else {
            throw DiagnosticError([.error("front matter is not closed: add a line `---` after it", at: SourceLocation(path: file.path, line: 1, column: 1))])
        }
        let yaml = yamlLines.joined(separator: "\n")
        let fields = try YAMLReader.parse(yaml, path: file.path, firstLine: 2)
        let body = keepBody ? String(text[bodyStart...]) : ""
        let offset = utf8.distance(from: utf8.startIndex, to: bodyStart)
        if case .null = fields {
            return FrontMatterDocument(fields: emptyFields, body: body, bodyLine: yamlLines.count + 3, bodyOffset: offset)
        }
        guard fields.isMapping else {
            throw DiagnosticError([.error("front matter must be a mapping of `key: value` lines, found \(fields.kindName)", at: fields.location)])
        }
        return FrontMatterDocument(fields: fields, body: body, bodyLine: yamlLines.count + 3, bodyOffset: offset)
    }
}
