import GongkaiCore
import GongkaiYAML

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
            if let close = unopenedClosingLine(text) {
                throw DiagnosticError([.error(YAMLText.frontMatterNotOpened(["close": close]), at: SourceLocation(path: file.path, line: 1, column: 1))])
            }
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
            let last = 1 + yamlLines.prefix { looksLikeYAML($0) }.count
            throw DiagnosticError([.error(YAMLText.frontMatterNotClosed(["last": last]), at: SourceLocation(path: file.path, line: 1, column: 1))])
        }
        let yaml = yamlLines.joined(separator: "\n")
        let fields = try YAMLReader.parse(yaml, path: file.path, firstLine: 2)
        let body = keepBody ? String(text[bodyStart...]) : ""
        let offset = utf8.distance(from: utf8.startIndex, to: bodyStart)
        if case .null = fields {
            return FrontMatterDocument(fields: emptyFields, body: body, bodyLine: yamlLines.count + 3, bodyOffset: offset)
        }
        guard fields.isMapping else {
            throw DiagnosticError([.error(YAMLText.frontMatterNotMapping(["_kind": fields.kindName, "_kindZh": fields.chineseKindName]),
                                          at: fields.location)])
        }
        return FrontMatterDocument(fields: fields, body: body, bodyLine: yamlLines.count + 3, bodyOffset: offset)
    }

    /// The line of the `---` closing a front matter whose opening `---` is missing: the file starts with
    /// `key: value` lines (an ASCII key, then `:` or `：`) and a `---` line follows them (before, that front matter
    /// was published as a heading).
    static func unopenedClosingLine(_ text: String) -> Int? {
        guard let first = text.first, first.isASCII, first.isLetter else { return nil }
        for (index, line) in text.split(separator: "\n", maxSplits: 40, omittingEmptySubsequences: false).prefix(40).enumerated() {
            if line == "---" || line == "---\r" { return index >= 1 ? index + 1 : nil }
            if index == 0 ? !isKeyLine(line) : !looksLikeYAML(line) { return nil }
        }
        return nil
    }

    /// A `key: value` line: an ASCII name, then `:` or the full-width `：`.
    private static func isKeyLine(_ line: Substring) -> Bool {
        let name = line.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        guard !name.isEmpty else { return false }
        let rest = line.dropFirst(name.count).drop { $0 == " " }
        return rest.first == ":" || rest.first == "："
    }

    /// A line that can belong to a front matter: a `key: value` line, an indented or `- ` line, or a comment.
    private static func looksLikeYAML(_ line: Substring) -> Bool {
        guard let first = line.first else { return false }
        return first == " " || first == "\t" || first == "\u{3000}" || first == "-" || first == "#" || isKeyLine(line)
    }
}
