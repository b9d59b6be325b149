import Foundation

/// Checks a message catalogue for parity between its languages (run by each module's `LocalizationTests`).
public enum CatalogueAudit {
    /// One line per problem: an empty wording, a Chinese wording without Chinese, a placeholder in one language only.
    public static func problems<Catalogue: MessageCatalogue>(in catalogue: Catalogue.Type) -> [String] {
        var problems: [String] = []
        for entry in catalogue.allCases {
            let key = "\(catalogue.catalogueName).\(entry.rawValue)"
            let texts = entry.texts
            if texts.english.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(key): no English text") }
            if texts.chinese.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(key): no Chinese text") }
            let english = Message.placeholders(in: texts.english).filter { !$0.hasPrefix("_") }
            let chinese = Message.placeholders(in: texts.chinese).filter { !$0.hasPrefix("_") }
            for name in english.subtracting(chinese).sorted() { problems.append("\(key): {\(name)} only in English") }
            for name in chinese.subtracting(english).sorted() { problems.append("\(key): {\(name)} only in Chinese") }
            let fixed = Message.fill(texts.chinese, with: Dictionary(uniqueKeysWithValues: chinese.map { ($0, "") }))
            let hasText = fixed.unicodeScalars.contains { $0.properties.isIdeographic }
            if !hasText && !Self.sameInBothLanguages.contains(key) { problems.append("\(key): the Chinese text has no Chinese") }
        }
        return problems
    }

    /// Entries that are rightly the same in both languages (a placeholder alone).
    static let sameInBothLanguages: Set<String> = ["core.verbatim"]
}
