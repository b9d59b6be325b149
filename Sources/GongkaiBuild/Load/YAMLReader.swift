import GongkaiCore
import GongkaiYAML
import Yams

/// Parses YAML text with Yams into `YAMLValue`s, turning Yams errors into located diagnostics.
enum YAMLReader {
    /// Parses `text`, found in `path` starting at file line `firstLine` (front matter starts after `---`).
    static func parse(_ text: String, path: String, firstLine: Int = 1) throws(DiagnosticError) -> YAMLValue {
        let node: Node?
        // Aliases are refused before Yams sees the text (an alias bomb would otherwise use up the memory).
        try YAMLAliasGuard.check(text, path: path, firstLine: firstLine)
        do {
            // UTF-8 named here: Yams's default reads the whole process environment on every call (one per file).
            // The basic resolver: values are read as text (`YAMLValue`), so the default one's regular expressions
            // (int, float, bool, timestamp …, tried on every key when Yams checks for duplicates) only cost time.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw DiagnosticError([diagnostic(for: error, path: path, firstLine: firstLine)])
        } catch {
            throw DiagnosticError([.error("invalid YAML: \(error)", at: SourceLocation(path: path, line: firstLine, column: 1))])
        }
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

    private static func diagnostic(for error: YamlError, path: String, firstLine: Int) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var detail = problem
            if let context {
                let start = location(context.mark, path: path, firstLine: firstLine)
                detail += " \(context.text) that starts at line \(start.line), column \(start.column)"
            }
            return .error("invalid YAML: \(detail)", at: location(mark, path: path, firstLine: firstLine))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("invalid YAML: duplicate key \(duplicates.joined(separator: ", "))", at: location(context.mark, path: path, firstLine: firstLine))
        case let .reader(problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: SourceLocation(path: path, line: firstLine, column: 1))
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(path: path, line: firstLine, column: 1))
        }
    }
}
