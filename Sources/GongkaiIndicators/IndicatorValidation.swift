import GongkaiCore

extension IndicatorSet {
    /// Checks the set against the report's text.
    ///
    /// `topicTexts` maps each topic id to the topic's plain text (rendered, tags stripped). Line breaks are
    /// ignored on both sides, so a word the source broke across lines still matches. Reports, as errors at the
    /// data file's line: an empty required field, a duplicate id, an unknown topic, a quote not found verbatim
    /// in its topic, a quote not containing `written`, `written` disagreeing with value / unit / qualifier, and a
    /// derivation naming an unknown indicator.
    public func validate(topicTexts: [String: String], path: String) -> [Diagnostic] {
        validate(topicUTF8: topicTexts.mapValues { Array($0.utf8) }, path: path)
    }

    /// `validate(topicTexts:path:)` with each topic's plain text as UTF-8 bytes (valid UTF-8), so that no string
    /// is made of a text that only needs searching.
    public func validate(topicUTF8: [String: [UInt8]], path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstLine: [String: Indicator] = [:]
        let texts = topicUTF8.mapValues(TextMatching.normalized(utf8:))
        let ids = Set(indicators.map(\.id))
        for indicator in indicators {
            let name = indicator.label.isEmpty ? "`\(indicator.id)`" : "\(indicator.label) (`\(indicator.id)`)"
            func error(_ message: Message, _ field: String? = nil) {
                diagnostics.append(.error(message, at: indicator.location(path: path, field: field)))
            }
            for (field, value) in [("id", indicator.id), ("topic", indicator.topic), ("label", indicator.label),
                                   ("written", indicator.written), ("quote", indicator.quote)] where value.isEmpty {
                error(IndicatorText.emptyField(["name": name, "field": field]), field)
            }
            if !indicator.id.isEmpty, !Self.isValidID(indicator.id) {
                error(IndicatorText.invalidID(["id": indicator.id]), "id")
            }
            if let first = firstLine[indicator.id] {
                let message = first.origin.map { IndicatorText.duplicateIDAtLine(["id": indicator.id, "line": $0.line]) }
                    ?? IndicatorText.duplicateID(["id": indicator.id])
                error(message, "id")
            } else {
                firstLine[indicator.id] = indicator
            }
            let quote = TextMatching.normalized(indicator.quote)
            if !indicator.topic.isEmpty, !quote.isEmpty {
                if let text = texts[indicator.topic] {
                    if !TextMatching.contains(utf8: text, quote) {
                        if TextMatching.folded(String(decoding: text, as: UTF8.self)).contains(TextMatching.folded(quote)) {
                            error(IndicatorText.quotePunctuationDiffers(["name": name, "topic": indicator.topic, "quote": indicator.quote]), "quote")
                        } else {
                            error(IndicatorText.quoteNotFound(["name": name, "topic": indicator.topic, "quote": indicator.quote]), "quote")
                        }
                    }
                } else {
                    let known = topicUTF8.keys.sorted().joined(separator: ", ")
                    error(IndicatorText.unknownTopic(["topic": indicator.topic, "name": name, "known": known]), "topic")
                }
            }
            if !indicator.written.isEmpty, !quote.isEmpty, !TextMatching.contains(quote, TextMatching.normalized(indicator.written)) {
                error(IndicatorText.quoteLacksFigure(["name": name, "written": indicator.written]), "written")
            }
            if !indicator.written.isEmpty {
                if let figure = WrittenFigure.parse(indicator.written) {
                    if !figure.agrees(value: indicator.value, unit: indicator.unit, qualifier: indicator.qualifier) {
                        let declared = indicator.valueText + indicator.unit + (indicator.qualifier.map { " (\($0))" } ?? "")
                        error(IndicatorText.figureDisagrees(["name": name, "written": indicator.written, "figure": figure, "declared": declared]), "written")
                    }
                } else {
                    error(IndicatorText.figureUnreadable(["name": name, "written": indicator.written]), "written")
                }
            }
            if let derive = indicator.derive {
                for operand in derive.operands where !ids.contains(operand) {
                    error(IndicatorText.deriveUnknownOperand(["name": name, "operand": operand]), "derive")
                }
                if derive.operands.contains(indicator.id) && derive.operation != .ratio {
                    error(IndicatorText.deriveSelf(["name": name]), "derive")
                }
            }
        }
        return diagnostics.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    /// ASCII letters, digits, `-`, `_`, `.` and Han characters (the importer makes ids from labels: `梳理政务服务事项`).
    static func isValidID(_ id: String) -> Bool {
        id.unicodeScalars.allSatisfy {
            $0.isASCII ? CharacterSetASCII.idCharacters.contains($0) : (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value)
        }
    }
}

/// ASCII character classes (no Foundation CharacterSet needed).
enum CharacterSetASCII {
    static let idCharacters: Set<Unicode.Scalar> = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".unicodeScalars)
}
