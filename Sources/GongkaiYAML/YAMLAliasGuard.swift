import CYaml
import GongkaiCore

/// Refuses YAML aliases (`*name`, also in merge keys `<<: *name`) before a document is handed to Yams.
///
/// An alias repeats the node its anchor names; aliases of aliases multiply, so a file under 1 KB ("billion
/// laughs") can stand for billions of nodes, and Yams (which hashes keys to find duplicates) and every reader that
/// walks the tree would use up the machine's memory. Gongkai's files (site.yaml, report.yaml, front matter,
/// indicators.yaml) never need one, so any alias is an error at its place, and the document is not composed.
///
/// The text is read with libyaml's own parser (the one inside Yams), event by event, never building a tree; text
/// without a `*` byte cannot hold an alias and is not read at all, so the usual file costs one byte search.
public enum YAMLAliasGuard {
    /// Throws an error at the first alias of `text` (found in `path`, whose line `firstLine` is the text's first).
    /// Text libyaml cannot parse passes: Yams names that error when it composes the text.
    public static func check(_ text: String, path: String, firstLine: Int = 1) throws(DiagnosticError) {
        var text = text
        let alias: (line: Int, column: Int)? = text.withUTF8 { bytes in
            guard bytes.contains(UInt8(ascii: "*")) else { return nil }
            return firstAlias(in: bytes)
        }
        guard let alias else { return }
        throw DiagnosticError([.error(
            YAMLText.aliasRefused(),
            at: SourceLocation(path: path, line: alias.line + firstLine - 1, column: alias.column))])
    }

    /// The 1-based line and column (in characters) of the first alias event, nil when there is none or the text
    /// does not parse.
    private static func firstAlias(in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_ALIAS_EVENT:
                return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
            case YAML_STREAM_END_EVENT:
                return nil
            default:
                continue
            }
        }
        return nil
    }
}
