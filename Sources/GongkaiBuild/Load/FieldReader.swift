import Foundation
import GongkaiCore

/// Reads typed fields out of a YAML mapping, collecting a diagnostic for each missing or mistyped one.
struct FieldReader {
    let mapping: YAMLValue
    private(set) var diagnostics: [Diagnostic] = []

    init(_ mapping: YAMLValue) { self.mapping = mapping }

    /// A text field; `nil` (with an error when `required`) if absent.
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = mapping[key] else {
            if required { diagnostics.append(.error("missing required field `\(key)`", at: mapping.location)) }
            return nil
        }
        switch value {
        case .scalar(let s, _): return s
        case .null:
            if required { diagnostics.append(.error("field `\(key)` is empty", at: value.location)) }
            return nil
        default:
            diagnostics.append(.error("field `\(key)` must be text, found \(value.kindName)", at: value.location))
            return nil
        }
    }

    /// An integer field.
    mutating func int(_ key: String, required: Bool = false) -> Int? {
        guard let text = string(key, required: required) else { return nil }
        guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
            diagnostics.append(.error("field `\(key)` must be a whole number, found `\(text)`", at: mapping[key]?.location ?? mapping.location))
            return nil
        }
        return n
    }

    /// A boolean field (`true`/`false`/`yes`/`no`).
    mutating func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(.error("field `\(key)` must be true or false, found `\(text)`", at: mapping[key]?.location ?? mapping.location))
            return nil
        }
    }

    /// A list of text values (a single text value counts as a list of one).
    mutating func strings(_ key: String) -> [String] {
        guard let value = mapping[key] else { return [] }
        switch value {
        case .scalar(let s, _): return [s]
        case .sequence(let items, _):
            var out: [String] = []
            for item in items {
                if let s = item.string { out.append(s) } else {
                    diagnostics.append(.error("field `\(key)` must be a list of text values", at: item.location))
                }
            }
            return out
        case .null: return []
        case .mapping:
            diagnostics.append(.error("field `\(key)` must be a list, found a mapping", at: value.location))
            return []
        }
    }

    /// A date field `YYYY-MM-DD`.
    mutating func date(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        if text.isUnsetValue { return text }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let y = Int(parts[0]), let m = Int(parts[1]), Int(parts[2]) != nil, y > 1900, (1...12).contains(m) {
            if CalendarDate(text) != nil { return text }
            diagnostics.append(.error("field `\(key)` is not a real date (\(y)年\(m)月 has \(CalendarDate.daysInMonth(year: y, month: m)) days): `\(text)`",
                                      at: mapping[key]?.location ?? mapping.location))
            return nil
        }
        diagnostics.append(.error("field `\(key)` must be a date written YYYY-MM-DD, found `\(text)`", at: mapping[key]?.location ?? mapping.location))
        return nil
    }

    /// Warns about keys that are not among `known` (typos such as `titel`).
    mutating func rejectUnknown(_ known: Set<String>) {
        for entry in mapping.entries where !known.contains(entry.key) {
            diagnostics.append(.warning("unknown field `\(entry.key)` (known: \(known.sorted().joined(separator: ", ")))", at: entry.keyLocation))
        }
    }
}
