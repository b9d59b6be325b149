import Foundation
import GongkaiCore
import GongkaiYAML

/// Reads typed fields out of a YAML mapping, collecting a diagnostic for each missing or mistyped one.
struct FieldReader {
    let mapping: YAMLValue
    private(set) var diagnostics: [Diagnostic] = []

    init(_ mapping: YAMLValue) { self.mapping = mapping }

    /// A text field; `nil` (with an error when `required`) if absent.
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = mapping[key] else {
            if required { diagnostics.append(.error(YAMLText.missingField(["key": key]), at: mapping.location)) }
            return nil
        }
        switch value {
        case .scalar(let s, _): return s
        case .null:
            if required { diagnostics.append(.error(YAMLText.emptyField(["key": key]), at: value.location)) }
            return nil
        default:
            diagnostics.append(.error(YAMLText.fieldNotText(["key": key, "_kind": value.kindName, "_kindZh": value.chineseKindName]), at: value.location))
            return nil
        }
    }

    /// An integer field.
    mutating func int(_ key: String, required: Bool = false) -> Int? {
        guard let text = string(key, required: required) else { return nil }
        guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
            diagnostics.append(.error(YAMLText.fieldNotWholeNumber(["key": key, "text": text]), at: mapping[key]?.location ?? mapping.location))
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
            diagnostics.append(.error(YAMLText.fieldNotBoolean(["key": key, "text": text]), at: mapping[key]?.location ?? mapping.location))
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
                    diagnostics.append(.error(YAMLText.fieldNotTextList(["key": key]), at: item.location))
                }
            }
            return out
        case .null: return []
        case .mapping:
            diagnostics.append(.error(YAMLText.fieldListIsMapping(["key": key]), at: value.location))
            return []
        }
    }

    /// A date field, written `YYYY-MM-DD` or `YYYY年M月D日` (`CalendarDate.fields(of:)`), returned as `YYYY-MM-DD`
    /// either way (what pages, the feed and the sitemap show); an impossible date is an error at its value.
    mutating func date(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        if text.isUnsetValue { return text }
        let location = mapping[key]?.location ?? mapping.location
        if let (y, m, d) = CalendarDate.fields(of: text), y > 1900, (1...12).contains(m) {
            if let date = CalendarDate(year: y, month: m, day: d) { return date.description }
            diagnostics.append(.error(YAMLText.dateImpossible(["key": key, "year": y, "month": m,
                                                               "days": CalendarDate.daysInMonth(year: y, month: m), "text": text]),
                                      at: location))
            return nil
        }
        diagnostics.append(.error(YAMLText.dateFormat(["key": key, "text": text]), at: location))
        return nil
    }

    /// Warns about keys that are not among `known` (typos such as `titel`: "did you mean `title`?"); a warning, so
    /// a site with a key gongkai does not read still builds.
    mutating func rejectUnknown(_ known: Set<String>) {
        for entry in mapping.entries where !known.contains(entry.key) {
            diagnostics.append(.warning(KeySuggestion.message(for: entry.key, known: known), at: entry.keyLocation))
        }
    }
}
