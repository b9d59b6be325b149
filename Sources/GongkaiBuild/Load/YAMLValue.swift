import GongkaiCore

/// A parsed YAML value that remembers where each node stands in its file.
public indirect enum YAMLValue: Sendable, Hashable {
    case scalar(String, SourceLocation)
    case mapping([YAMLEntry], SourceLocation)
    case sequence([YAMLValue], SourceLocation)
    case null(SourceLocation)

    /// Where this node starts.
    public var location: SourceLocation {
        switch self {
        case .scalar(_, let l), .mapping(_, let l), .sequence(_, let l), .null(let l): return l
        }
    }

    /// The scalar's text, nil for other kinds.
    public var string: String? {
        if case .scalar(let s, _) = self { return s }
        return nil
    }

    /// The entries of a mapping, empty for other kinds.
    public var entries: [YAMLEntry] {
        if case .mapping(let e, _) = self { return e }
        return []
    }

    /// The items of a sequence, empty for other kinds.
    public var items: [YAMLValue] {
        if case .sequence(let i, _) = self { return i }
        return []
    }

    /// True for a mapping.
    public var isMapping: Bool { if case .mapping = self { return true } else { return false } }

    /// The value for `key` in a mapping.
    public subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    /// Every scalar below this node by dotted key path (`footer.contact.phone`) → its location.
    public func scalarLocations(prefix: String = "") -> [String: SourceLocation] {
        var out: [String: SourceLocation] = [:]
        for entry in entries {
            let key = prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)"
            out[key] = entry.value.location
            out.merge(entry.value.scalarLocations(prefix: key)) { a, _ in a }
        }
        return out
    }

    /// A short name of the node's kind in Chinese, for messages (`kindName` in English).
    public var chineseKindName: String {
        switch self {
        case .scalar: return "一段文字"
        case .mapping: return "`键: 值` 的映射"
        case .sequence: return "列表"
        case .null: return "空值"
        }
    }

    /// A short name of the node's kind, for messages.
    public var kindName: String {
        switch self {
        case .scalar: return "a text value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .null: return "nothing"
        }
    }
}

/// One `key: value` pair of a YAML mapping.
public struct YAMLEntry: Sendable, Hashable {
    /// The key's text.
    public var key: String
    /// Where the key stands.
    public var keyLocation: SourceLocation
    /// The value.
    public var value: YAMLValue
}
