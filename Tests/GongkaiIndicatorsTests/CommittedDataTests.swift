import Foundation
import GongkaiCore
import Testing
@testable import GongkaiIndicators

/// The committed `content/xiangcheng-2024/indicators.yaml` against the report's own text.
@Suite struct CommittedDataTests {
    static func load() throws -> IndicatorSet {
        let text = try String(contentsOf: ReportText.indicatorsPath, encoding: .utf8)
        return try IndicatorFile.load(path: "content/xiangcheng-2024/indicators.yaml", text: text)
    }

    @Test func everyQuoteIsVerbatimAndAgreesWithItsFigure() throws {
        let set = try Self.load()
        let topics = ReportText.topicTexts(of: try ReportText.source())
        let diagnostics = set.validate(topicTexts: topics, path: "indicators.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func aboutNinetyFiguresWithSixKeyOnes() throws {
        let set = try Self.load()
        #expect(set.indicators.count >= 90)
        #expect(Set(set.indicators.map(\.id)).count == set.indicators.count)
        #expect(set.keyIndicators.map(\.written) == ["2530项", "3658.78万元", "55万条", "9652人", "99.15%", "214670个"])
    }

    /// Every figure the extractor finds in the report is curated, pointing at exactly that spot of the text.
    @Test func noFigureOfTheReportIsMissing() throws {
        let set = try Self.load()
        var uncovered: [String] = []
        for topic in ReportText.topics(of: try ReportText.source()) {
            for match in IndicatorExtractor.figures(in: topic.text) {
                let covered = set.indicators(topic: topic.id).contains { Self.covers($0, match.range, in: topic.text) }
                if !covered { uncovered.append("\(topic.id): \(match.figure.text) in “\(match.clause)”") }
            }
        }
        #expect(uncovered.isEmpty, "\(uncovered.joined(separator: "\n"))")
    }

    /// Independent of the extractor: every run of Arabic digits in the topics is inside some indicator's
    /// figure, or is one of the listed non-indicators.
    @Test func everyArabicNumberIsCuratedOrKnownNotToBeAFigure() throws {
        // Non-indicators, as “text around the digits” → why.
        let ignored: [String: String] = [
            "2024年,": "the report's year (opening)",
            "《项城市2024年": "document title",
            "2024年对": "year", "2024年备案": "year", "2024年累计": "year", "2024年共": "year",
            "2024年下发": "year", "2024年审计": "year", "2024年开展": "year",
            "(2023—2025年)": "period in a document title",
            "2023年以来": "year",
            "1.": "list number", "2.": "list number", "3.": "list number", "4.": "list number",
            "“1+10+N”": "name of the plan system, not a count",
        ]
        let set = try Self.load()
        var unexplained: [String] = []
        for topic in ReportText.topics(of: try ReportText.source()) {
            let chars = Array(TextMatching.normalized(topic.text))
            var i = 0
            while i < chars.count {
                guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
                var end = i
                while end < chars.count, chars[end].isASCII, chars[end].isNumber || chars[end] == "." && end + 1 < chars.count && chars[end + 1].isNumber { end += 1 }
                let covered = set.indicators(topic: topic.id).contains { Self.covers($0, i..<end, in: topic.text) }
                let context = String(chars[max(0, i - 8)..<min(chars.count, end + 8)])
                let explained = ignored.keys.contains { key in
                    context.contains(key) && key.contains(String(chars[i..<end]))
                }
                if !covered && !explained { unexplained.append("\(topic.id): \(String(chars[i..<end])) in …\(context)…") }
                i = end
            }
        }
        #expect(unexplained.isEmpty, "\(unexplained.joined(separator: "\n"))")
    }

    @Test func theOverviewTopicsWithoutFiguresHaveNone() throws {
        let set = try Self.load()
        for topic in ["_index", "02/01", "03", "04"] {
            #expect(set.indicators(topic: topic).isEmpty)
        }
    }

    /// True when one of `indicator`'s quote occurrences in `text` has its `written` at `range` (or around it).
    static func covers(_ indicator: Indicator, _ range: Range<Int>, in text: String) -> Bool {
        let chars = Array(TextMatching.normalized(text))
        let quote = Array(indicator.quote), written = Array(indicator.written)
        guard !quote.isEmpty, quote.count <= chars.count else { return false }
        for start in 0...(chars.count - quote.count) where Array(chars[start..<(start + quote.count)]) == quote {
            guard written.count <= quote.count else { continue }
            for w in 0...(quote.count - written.count) where Array(quote[w..<(w + written.count)]) == written {
                let figure = (start + w)..<(start + w + written.count)
                if figure.overlaps(range) { return true }
            }
        }
        return false
    }
}
