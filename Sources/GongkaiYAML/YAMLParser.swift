import GongkaiCore
import Yams

/// Composes every YAML text gongkai reads (site.yaml, report.yaml, front matter, indicators.yaml) and words its
/// errors, the same for all readers.
///
/// When the text does not parse, or parses as a single text where `key: value` lines are expected, the usual slips
/// (`YAMLSlips`) on the lines up to libyaml's error are reported at their own line and column, with the fix; when
/// none is recognised, libyaml's own problem text is shown as the argument of `YAMLText.invalidYAML`.
public enum YAMLParser {
    /// The node tree of `text` (found in `path`, whose line `firstLine` is the text's first), nil for an empty text.
    /// Aliases are refused first (`YAMLAliasGuard`).
    public static func compose(_ text: String, path: String, firstLine: Int = 1) throws(DiagnosticError) -> Node? {
        try YAMLAliasGuard.check(text, path: path, firstLine: firstLine)
        let node: Node?
        do {
            // UTF-8 named here: Yams's default reads the whole process environment on every call (one per file).
            // The basic resolver: values are read as text, so the default one's regular expressions (int, float,
            // bool, timestamp …, tried on every key when Yams checks for duplicates) only cost time.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch {
            throw DiagnosticError(diagnostics(for: error, text: text, path: path, firstLine: firstLine))
        }
        // A document that is one text (`title:项城市`, `title：项城市`) is never what a gongkai file must be.
        if let node, case .scalar = node {
            let slips = YAMLSlips.find(in: text)
            if !slips.isEmpty { throw DiagnosticError(slips.map { $0.diagnostic(path: path, firstLine: firstLine) }) }
        }
        return node
    }

    /// The errors for `error`, thrown by Yams for `text`: the slips up to its line, or libyaml's own words.
    static func diagnostics(for error: any Error, text: String, path: String, firstLine: Int) -> [Diagnostic] {
        func location(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
        }
        let start = SourceLocation(path: path, line: firstLine, column: 1)
        guard let yamlError = error as? YamlError else {
            return [.error(YAMLText.invalidYAML(["problem": "\(error)"]), at: start)]
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let slips = YAMLSlips.find(in: text, through: mark.line)
            if !slips.isEmpty { return slips.map { $0.diagnostic(path: path, firstLine: firstLine) } }
            guard let context else { return [.error(YAMLText.invalidYAML(["problem": problem]), at: location(mark))] }
            let contextStart = location(context.mark)
            if context.text.contains("quoted scalar"), problem.contains("end of stream") {
                let quote = quoteCharacter(in: text, at: context.mark)
                return [.error(YAMLText.unclosedQuote(["quote": "`\(quote)`"]), at: contextStart)]
            }
            return [.error(YAMLText.invalidYAMLWithContext(["problem": problem, "context": context.text,
                                                            "line": contextStart.line, "column": contextStart.column]),
                           at: location(mark))]
        case let .duplicatedKeysInMapping(duplicates, context):
            return [.error(YAMLText.duplicateKey(["keys": duplicates.joined(separator: ", ")]), at: location(context.mark))]
        case let .reader(problem, offset, _, yaml):
            // A character libyaml cannot read (a control character, a broken sequence): its line and column from its
            // byte offset (columns count characters, as everywhere).
            var at = readerLocation(offset: offset ?? 0, in: yaml, path: path)
            at.line += firstLine - 1
            return [.error(YAMLText.invalidYAML(["problem": problem]), at: at)]
        default:
            return [.error(YAMLText.invalidYAML(["problem": "\(yamlError)"]), at: start)]
        }
    }

    /// Line and column (characters, from 1) of the byte `offset` of `yaml`.
    public static func readerLocation(offset: Int, in yaml: String, path: String) -> SourceLocation {
        let bytes = Array(yaml.utf8)
        let end = max(0, min(offset, bytes.count))
        var line = 1, lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return SourceLocation(path: path, line: line, column: column)
    }

    /// The quote character (`"` or `'`) at `mark` of `text`; `"` when it cannot be found.
    private static func quoteCharacter(in text: String, at mark: Mark) -> Character {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return "\"" }
        let line = lines[mark.line - 1]
        guard mark.column >= 1, let index = line.index(line.startIndex, offsetBy: mark.column - 1, limitedBy: line.endIndex),
              index < line.endIndex else { return "\"" }
        return line[index] == "'" ? "'" : "\""
    }
}
