import GongkaiCore
import GongkaiYAML
import Yams

/// Parses YAML text with Yams (through `YAMLParser`, which words its errors) into `YAMLValue`s.
enum YAMLReader {
    /// Parses `text`, found in `path` starting at file line `firstLine` (front matter starts after `---`).
    static func parse(_ text: String, path: String, firstLine: Int = 1) throws(DiagnosticError) -> YAMLValue {
        // Aliases refused, errors and slips worded as for every YAML file (`YAMLParser`).
        let node = try YAMLParser.compose(text, path: path, firstLine: firstLine)
        guard let node else { return .null(SourceLocation(path: path, line: firstLine, column: 1)) }
        return convert(node, path: path, firstLine: firstLine)
    }

    private static func location(_ mark: Mark?, path: String, firstLine: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: firstLine, column: 1) }
        return SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
    }

    private static func convert(_ node: Node, path: String, firstLine: Int) -> YAMLValue {
        let loc = location(node.mark, path: path, firstLine: firstLine)
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null(loc) }
            return .scalar(scalar.string, loc)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                entries.append(YAMLEntry(key: key.string ?? "", keyLocation: location(key.mark, path: path, firstLine: firstLine),
                                         value: convert(value, path: path, firstLine: firstLine)))
            }
            return .mapping(entries, loc)
        case .sequence(let sequence):
            return .sequence(sequence.map { convert($0, path: path, firstLine: firstLine) }, loc)
        case .alias:
            return .null(loc)
        }
    }
}
