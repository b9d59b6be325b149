import Foundation

/// The 2024 report split into topics the way the site does, without depending on the importer.
///
/// Reads `content/xiangcheng-2024/source.txt` when present (the importer's record of the original), else the copy
/// committed in `Fixtures/`. Never reads outside the repository.
enum ReportText {
    /// The repository root (`Tests/GongkaiIndicatorsTests/ReportText.swift` → `../..`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The committed indicators of the 2024 report.
    static let indicatorsPath = root.appendingPathComponent("content/xiangcheng-2024/indicators.yaml")

    /// The original text of the 2024 report.
    static func source() throws -> String {
        let content = root.appendingPathComponent("content/xiangcheng-2024/source.txt")
        if FileManager.default.fileExists(atPath: content.path) {
            return try String(contentsOf: content, encoding: .utf8)
        }
        return try fixture("xiangcheng-2024.txt")
    }

    /// A file of `Fixtures/`.
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Topic id → text, in report order. Lines a word was broken across are joined (政\n务APP → 政务APP);
    /// the opening paragraph is `_index`; 一、… are `01`…`04`; under 二、 the (一)…(八) items are `02/01`…`02/08`;
    /// the closing (特此报告。 and the date) belongs to no topic.
    static func topics(of text: String, subdivided: Set<String> = ["02"]) -> [(id: String, text: String)] {
        var lines: [String] = []
        var pending = ""
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: true) {
            let line = pending + raw.trimmingCharacters(in: .whitespaces)
            pending = ""
            if isHeading(line) || line.last.map({ "。：:；;！？!?”)".contains($0) }) == true || line.hasSuffix("日") {
                lines.append(line)
            } else {
                pending = line
            }
        }
        if !pending.isEmpty { lines.append(pending) }

        var topics: [(id: String, text: String)] = [("_index", "")]
        var top = 0
        for line in lines {
            if line == "特此报告。" { break }
            if let n = topLevelNumber(line) {
                top = n
                topics.append((String(format: "%02d", n), ""))
                continue
            }
            let topID = String(format: "%02d", top)
            if subdivided.contains(topID), let sub = subNumber(line) {
                topics.append((topID + "/" + String(format: "%02d", sub), ""))
                if line.hasSuffix("。") == false, !line.contains("。") { continue }
            }
            let last = topics.count - 1
            topics[last].text += (topics[last].text.isEmpty ? "" : "\n") + line
        }
        return topics
    }

    /// The topics as a dictionary for ``IndicatorSet/validate(topicTexts:path:)``.
    static func topicTexts(of text: String) -> [String: String] {
        Dictionary(topics(of: text).map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
    }

    private static let chineseDigits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    private static func isHeading(_ line: String) -> Bool { topLevelNumber(line) != nil || subNumber(line) != nil }

    private static func topLevelNumber(_ line: String) -> Int? {
        let chars = Array(line)
        guard chars.count >= 2, chars[1] == "、", let n = chineseDigits[chars[0]] else { return nil }
        return n
    }

    private static func subNumber(_ line: String) -> Int? {
        let chars = Array(line)
        guard chars.count >= 3, chars[0] == "(" || chars[0] == "（", chars[2] == ")" || chars[2] == "）",
              let n = chineseDigits[chars[1]] else { return nil }
        return n
    }
}
