import Foundation

/// Drafts indicators from a topic's text: Arabic numerals (with decimals and %), Chinese numerals with a
/// magnitude or qualifier (千余, 二十个), magnitudes (10.2万人, 55万条) and qualifiers (余, 多, 以上, 不少于).
///
/// Not figures: years and dates (2024年, 2月28日, 2023—2025年), list numbers (1. 2、 第三), and anything inside
/// “…” or 《…》 (names and slogans like “三集中三到位”, “1+10+N”, document titles).
public enum IndicatorExtractor {
    /// One figure found in a text.
    public struct Match: Sendable, Hashable {
        /// The figure as written (`3658.78万元`).
        public var figure: WrittenFigure
        /// Character offsets of `figure.text` in the text (line breaks removed).
        public var range: Range<Int>
        /// The clause containing it (split at ，,；;。：:！？ and line ends): the draft quote.
        public var clause: String
        /// The words before the number in the clause: the draft label.
        public var label: String
    }

    /// Measure words and units recognised after a number, longest first.
    public static let units: [String] = [
        "个百分点", "平方公里", "平方米", "立方米", "万人次", "亿元", "万元", "万人", "万户", "万条", "万件", "万份", "万次", "万个",
        "人次", "场次", "户次", "件次", "车次", "批次", "个月", "公里", "千米", "小时", "余件", "元",
        "%", "‰", "项", "名", "件", "次", "个", "人", "家", "支", "起", "台", "份", "册", "条", "场", "类", "种",
        "户", "所", "座", "辆", "批", "期", "篇", "本", "部", "套", "处", "间", "张", "宗", "笔", "轮", "组", "款",
        "吨", "亩", "天", "米", "位", "家次", "块", "棵", "株", "头", "只", "口", "幅", "页", "卷", "盏", "根",
        "届", "所", "村", "镇", "倍", "分", "元/人",
    ].sorted { $0.count > $1.count }

    /// Measure words that, right after a number, make it an ordinal: `二十届` names the 20th congress.
    static let ordinalUnits: Set<String> = ["届"]

    /// Every figure in `text`, in order.
    public static func figures(in text: String) -> [Match] {
        let chars = Array(TextMatching.normalized(text))
        var matches: [Match] = []
        var quoteDepth = 0
        var titleDepth = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "“": quoteDepth += 1
            case "”": quoteDepth = max(0, quoteDepth - 1)
            case "《": titleDepth += 1
            case "》": titleDepth = max(0, titleDepth - 1)
            default: break
            }
            guard quoteDepth == 0, titleDepth == 0 else { i += 1; continue }
            if let found = figure(at: i, in: chars) {
                if let match = found.match { matches.append(match) }
                i = max(found.end, i + 1)
            } else {
                i += 1
            }
        }
        return matches
    }

    /// Draft indicators of one topic: the clause as quote, the words before the number as label, an id made from
    /// the label (``IndicatorID``), unique among `taken`. For the importer's draft `indicators.yaml`; a person
    /// curates it.
    public static func draft(text: String, topic: String, taken: inout Set<String>) -> [Indicator] {
        figures(in: text).map { match in
            Indicator(
                id: IndicatorID.make(label: match.label, unit: match.figure.unit, taken: &taken), topic: topic, label: match.label,
                value: match.figure.number, unit: match.figure.unit, qualifier: match.figure.qualifier,
                written: match.figure.text, quote: match.clause
            )
        }
    }

    /// Draft indicators of a whole report: `topicTexts` in the given topic order. Ids come from what a figure
    /// counts, not where it stands, so that the same sentence in two years' reports gets the same id.
    public static func draft(topics: [(id: String, text: String)]) -> IndicatorSet {
        var taken = Set<String>()
        return IndicatorSet(topics.flatMap { draft(text: $0.text, topic: $0.id, taken: &taken) })
    }

    // MARK: - Scanning

    private static let boundaries: Set<Character> = ["，", ",", "；", ";", "。", "：", ":", "！", "？", "!", "?"]
    private static let dashes: Set<Character> = ["—", "-", "–", "~", "～", "至"]

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// The figure starting at `start`, and where scanning resumes.
    private static func figure(at start: Int, in chars: [Character]) -> (match: Match?, end: Int)? {
        let c = chars[start]
        var i = start
        var number: Decimal
        var magnitude = ""
        if isDigit(c) {
            if start > 0, isDigit(chars[start - 1]) || chars[start - 1] == "." || chars[start - 1].isLetter && chars[start - 1].isASCII {
                return nil
            }
            while i < chars.count, isDigit(chars[i]) { i += 1 }
            if i + 1 < chars.count, chars[i] == ".", isDigit(chars[i + 1]) {
                i += 1
                while i < chars.count, isDigit(chars[i]) { i += 1 }
            }
            let literal = String(chars[start..<i])
            guard let value = DecimalText.parse(literal) else { return nil }
            number = value
            let next: Character? = i < chars.count ? chars[i] : nil
            let previous: Character? = start > 0 ? chars[start - 1] : nil
            // Not figures: years, dates, list numbers, ordinals, formulas.
            if let next, next == "年" || next == "月" || next == "日" || next == "号" || next == "度" { return (nil, i) }
            if let next, dashes.contains(next), i + 1 < chars.count, isDigit(chars[i + 1]) { return (nil, i) }
            if let next, next == "." || next == "、" || next == "．" { return (nil, i) }
            if let next, next == "+" || next == "/" { return (nil, i) }
            if let previous, previous == "第" || previous == "+" || previous == "/" { return (nil, i) }
            if i < chars.count, chars[i] == "万" || chars[i] == "亿" {
                magnitude = String(chars[i])
                i += 1
            }
        } else if ChineseNumeral.isNumeralCharacter(c) {
            if start > 0, ChineseNumeral.isNumeralCharacter(chars[start - 1]) || chars[start - 1] == "第" { return nil }
            while i < chars.count, ChineseNumeral.isNumeralCharacter(chars[i]) { i += 1 }
            let literal = String(chars[start..<i])
            guard let value = ChineseNumeral.value(of: literal) else { return nil }
            number = value
        } else {
            return nil
        }
        let numberEnd = i
        var qualifier: String?
        if let infix = WrittenFigure.infixQualifiers.first(where: { has($0, at: i, in: chars) }) {
            qualifier = infix
            i += infix.count
        }
        var unit = magnitude
        if let u = units.first(where: { has($0, at: i, in: chars) }) {
            // 二十届 (二十届三中全会), 十四届: the number of a congress or its session, a name, not a count.
            if ordinalUnits.contains(u) { return (nil, i + u.count) }
            unit += u
            i += u.count
        } else if qualifier == "多" {
            // “多” not followed by a unit is an adjective (“多种方式”), not a qualifier.
            qualifier = nil
            i = numberEnd
        }
        if !isDigit(c) {
            // A Chinese numeral counts only with a unit, and either a qualifier or more than one digit's worth
            // of numeral (二十个, 三百名); 一是, 三级, 百日 are words, not figures.
            let literal = String(chars[start..<numberEnd])
            guard unit.isEmpty == false else { return nil }
            let single = literal.count == 1
            if qualifier == nil, single || !literal.contains(where: ChineseNumeral.isMagnitudeCharacter) { return nil }
        }
        var figureStart = start
        if qualifier == nil, let suffix = WrittenFigure.suffixQualifiers.first(where: { has($0, at: i, in: chars) }) {
            qualifier = suffix
            i += suffix.count
        }
        if qualifier == nil {
            for prefix in WrittenFigure.prefixQualifiers where start >= prefix.count {
                if String(chars[(start - prefix.count)..<start]) == prefix {
                    qualifier = prefix
                    figureStart = start - prefix.count
                    break
                }
            }
        }
        let text = String(chars[figureStart..<i])
        let figure = WrittenFigure(text: text, number: number, unit: unit, qualifier: qualifier)
        var clauseStart = figureStart
        while clauseStart > 0, !boundaries.contains(chars[clauseStart - 1]) { clauseStart -= 1 }
        var clauseEnd = i
        while clauseEnd < chars.count, !boundaries.contains(chars[clauseEnd]) { clauseEnd += 1 }
        let clause = String(chars[clauseStart..<clauseEnd])
        let label = draftLabel(before: Array(chars[clauseStart..<figureStart]), after: Array(chars[i..<clauseEnd]))
        return (Match(figure: figure, range: figureStart..<i, clause: clause, label: label), i)
    }

    private static func has(_ s: String, at i: Int, in chars: [Character]) -> Bool {
        let needle = Array(s)
        guard i + needle.count <= chars.count else { return false }
        return Array(chars[i..<(i + needle.count)]) == needle
    }

    /// The words before the number, without list markers, earlier figures and linking verbs.
    private static func draftLabel(before: [Character], after: [Character]) -> String {
        var text = String(before)
        // Keep only what follows the previous figure or enumeration comma in the clause.
        if let cut = text.lastIndex(where: { $0 == "、" || $0.isASCII && $0.isNumber || $0 == "%" }) {
            text = String(text[text.index(after: cut)...])
        }
        text = stripListMarker(text)
        for word in ["其中", "累计", "共", "全年", "目前"] where text.hasPrefix(word) { text.removeFirst(word.count) }
        for word in ["达到", "达", "为", "共", "约", "了", "计", "有"] where text.hasSuffix(word) && text.count > word.count {
            text.removeLast(word.count)
        }
        text = text.trimmingCharacters(in: .whitespaces)
        if text.count < 2 {
            let rest = String(after.prefix { !($0.isASCII && $0.isNumber) && $0 != "、" })
            text = (text + rest).trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    /// Removes 一是/二是…, 1./2., (一)/(二) at the start.
    private static func stripListMarker(_ text: String) -> String {
        var t = Substring(text)
        if t.first == "(" || t.first == "（", let close = t.firstIndex(where: { $0 == ")" || $0 == "）" }) {
            t = t[t.index(after: close)...]
        }
        let numeral = t.prefix(while: { ChineseNumeral.isNumeralCharacter($0) })
        if !numeral.isEmpty, t.dropFirst(numeral.count).hasPrefix("是") { t = t.dropFirst(numeral.count + 1) }
        return String(t)
    }
}
