import GongkaiCore

/// Writes YAML scalars.
enum YAMLText {
    /// `value` as a double-quoted YAML string.
    static func quoted(_ value: String) -> String { TextEscaping.yamlQuoted(value) }
}
