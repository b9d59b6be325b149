import GongkaiCore

/// A Markdown file split into its YAML front matter and body.
public struct FrontMatterDocument: Sendable, Hashable {
    /// The front matter (an empty mapping when the file has none).
    public var fields: YAMLValue
    /// The Markdown body.
    public var body: String
    /// 1-based file line where the body starts.
    public var bodyLine: Int

    /// Splits `file` at `---` lines and parses the front matter with Yams.
    public static func parse(_ file: SourceFile) throws(DiagnosticError) -> FrontMatterDocument {
        let text = file.text
        let emptyFields = YAMLValue.mapping([], SourceLocation(path: file.path, line: 1, column: 1))
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else {
            return FrontMatterDocument(fields: emptyFields, body: text, bodyLine: 1)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()
        var yamlLines: [Substring] = []
        var closed = false
        for line in lines {
            if line == "---" || line == "---\r" { closed = true; break }
            yamlLines.append(line)
        }
        guard closed else {
            throw DiagnosticError([.error("front matter is not closed: add a line `---` after it", at: SourceLocation(path: file.path, line: 1, column: 1))])
        }
        let yaml = yamlLines.joined(separator: "\n")
        let fields = try YAMLReader.parse(yaml, path: file.path, firstLine: 2)
        if case .null = fields {
            return FrontMatterDocument(fields: emptyFields, body: body(after: yamlLines.count + 2, lines: text), bodyLine: yamlLines.count + 3)
        }
        guard fields.isMapping else {
            throw DiagnosticError([.error("front matter must be a mapping of `key: value` lines, found \(fields.kindName)", at: fields.location)])
        }
        return FrontMatterDocument(fields: fields, body: body(after: yamlLines.count + 2, lines: text), bodyLine: yamlLines.count + 3)
    }

    private static func body(after lineCount: Int, lines text: String) -> String {
        var remaining = lineCount
        var index = text.startIndex
        while remaining > 0, let nl = text[index...].firstIndex(of: "\n") {
            index = text.index(after: nl)
            remaining -= 1
        }
        if remaining > 0 { return "" }
        return String(text[index...])
    }
}
