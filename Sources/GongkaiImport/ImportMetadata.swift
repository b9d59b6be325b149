import GongkaiCore
import Foundation
/// The report metadata the importer writes to `report.yaml`: what the text says (title, 成文日期, salutation,
/// closing), what can be derived (year, series, a title when the text has none), and `TODO` for what only a person
/// knows (发布机构, 发布日期, 文号, 索引号, 主题分类).
public struct ImportMetadata: Sendable, Hashable {
    /// Where the title came from.
    public enum TitleSource: String, Sendable, Hashable {
        /// A title line of the text.
        case text
        /// The `--title` option.
        case option
        /// Place + year + series, when the text has no title line.
        case derived
        /// The 标题 of a portal page's metadata table, or the page's article heading.
        case page
    }

    /// Report title (nil: unknown, written `TODO`).
    public var title: String?
    /// Where ``title`` came from.
    public var titleSource: TitleSource
    /// Year reported on.
    public var year: Int?
    /// Report series.
    public var series: String?
    /// 发布机构.
    public var publisher: String?
    /// 成文日期, `YYYY-MM-DD`.
    public var written: String?
    /// 发布日期.
    public var published: String?
    /// 文号.
    public var documentNumber: String?
    /// 索引号.
    public var indexNumber: String?
    /// 主题分类.
    public var category: String?
    /// 有效性 (written only when known).
    public var validity: String?
    /// The salutation line.
    public var salutation: String?
    /// Closing lines in order.
    public var closing: [String]

    /// The keys a person fills in; kept from an existing report.yaml when re-importing with `--force`.
    public static let handFilledKeys = ["publisher", "published", "document_number", "index_number", "category", "validity"]

    /// Series names recognised in a title or text.
    static let knownSeries = [("法治政府建设", "法治政府建设年度报告"), ("政府信息公开", "政府信息公开工作年度报告")]

    /// Derives metadata from the outline, the report id and the user's overrides.
    public init(outline: ReportOutline, id: String, title: String? = nil, series: String? = nil, year: Int? = nil) {
        let written = outline.writtenDate
        let textTitle = outline.title
        func texts(_ s: ReportOutline.Section) -> [String] { [s.heading.title] + s.paragraphs.map(\.text) + s.children.flatMap(texts) }
        let allText = ([textTitle ?? ""] + outline.opening.map(\.text) + outline.sections.flatMap(texts)).joined(separator: "\n")

        self.year = year ?? textTitle.flatMap(Self.firstYear) ?? Self.trailingYear(id)
            ?? outline.opening.lazy.compactMap { Self.firstYear($0.text) }.first
            ?? written.flatMap { Int($0.prefix(4)) }.map { $0 - 1 }
        self.series = series ?? Self.knownSeries.first { allText.contains($0.0) }?.1
            ?? textTitle.flatMap(Self.afterYear)
        if let title {
            self.title = title
            titleSource = .option
        } else if let textTitle {
            self.title = textTitle
            titleSource = .text
        } else {
            let place = Self.place(in: outline.opening.first?.text ?? "")
                ?? outline.closing.lazy.compactMap { Self.placePrefix(of: $0.text) }.first
            if let place, let y = self.year, let s = self.series {
                self.title = "\(place)\(y)年\(s)"
            } else {
                self.title = nil
            }
            titleSource = .derived
        }
        self.written = written
        documentNumber = outline.documentNumber
        salutation = outline.salutation
        closing = outline.closing.map(\.text)
        // A signature line in the closing names the publisher.
        publisher = outline.closing.map(\.text).first { !$0.hasPrefix("特此") && !ChineseDate.isDate($0) }
        published = nil
        indexNumber = nil
        category = nil
        validity = nil
    }

    /// Fills what a portal page's 信息公开 metadata table says: 索引号, 发文机关, 发文字号, 发布日期, 主题分类, 有效性,
    /// and the 标题 and 成文日期 when the text gives none.
    public mutating func apply(_ table: MetadataTable) {
        let v = table.values
        if let t = v["title"], titleSource != .text, titleSource != .option {
            title = t
            titleSource = .page
            if year == nil { year = Self.firstYear(t) }
            if series == nil { series = Self.knownSeries.first { t.contains($0.0) }?.1 ?? Self.afterYear(t) }
        }
        if let p = v["publisher"] { publisher = p }
        if let d = v["document_number"], documentNumber == nil { documentNumber = d }
        if let i = v["index_number"] { indexNumber = i }
        if let p = v["published"] { published = p }
        if let w = v["written"], written == nil { written = w }
        if let c = v["category"] { category = c }
        if let x = v["validity"] { validity = x }
    }

    /// Keeps every hand-filled value of an existing report.yaml (anything but `TODO`) over what this import found,
    /// except the values the text itself gives and the fidelity proof reads back (a title line, a 文号 line): those
    /// stay the text's, and each such difference is returned as a sentence for a warning.
    public mutating func keepHandFilled(from existing: [String: String], documentNumberFromText: Bool) -> [Message] {
        var notes: [Message] = []
        func old(_ key: String) -> String? {
            guard let value = existing[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty, !value.uppercased().hasPrefix("TODO") else { return nil }
            return value
        }
        func keep(_ key: String, _ value: inout String?) { if let o = old(key) { value = o } }
        if let o = old("title") {
            if titleSource == .text {
                if o != title { notes.append(ImportText.keptTitleDiffers(["kept": o, "title": title ?? ""])) }
            } else {
                title = o
                titleSource = .option
            }
        }
        if let o = old("year"), let y = Int(o) { year = y }
        keep("series", &series)
        keep("publisher", &publisher)
        keep("written", &written)
        keep("published", &published)
        if let o = old("document_number") {
            if documentNumberFromText {
                if o != documentNumber { notes.append(ImportText.keptDocumentNumberDiffers(["kept": o])) }
            } else {
                documentNumber = o
            }
        }
        keep("index_number", &indexNumber)
        keep("category", &category)
        keep("validity", &validity)
        return notes
    }

    /// The values known (not `TODO`), as report.yaml names them, in report.yaml's order.
    public var found: [(key: String, value: String)] {
        let all: [(String, String?)] = [("title", title), ("year", year.map(String.init)), ("series", series), ("publisher", publisher),
                                        ("written", written), ("published", published), ("document_number", documentNumber),
                                        ("index_number", indexNumber), ("category", category), ("validity", validity)]
        return all.compactMap { key, value in value.map { (key, $0) } }
    }

    /// The `report.yaml` text.
    public var yaml: String {
        var out = ""
        func line(_ key: String, _ value: String?) { out += "\(key): \(value.map(YAMLText.quoted) ?? "TODO")\n" }
        line("title", title)
        out += "year: \(year.map(String.init) ?? "TODO")\n"
        line("series", series)
        line("publisher", publisher)
        line("written", written)
        line("published", published)
        line("document_number", documentNumber)
        line("index_number", indexNumber)
        line("category", category)
        if let validity { line("validity", validity) }
        if let salutation { line("salutation", salutation) }
        if closing.isEmpty {
            out += "closing: []\n"
        } else {
            out += "closing:\n"
            for c in closing { out += "  - \(YAMLText.quoted(c))\n" }
        }
        return out
    }

    /// The first `NNNN年` year in `text`.
    static func firstYear(_ text: String) -> Int? {
        let chars = Array(text)
        guard chars.count >= 5 else { return nil }
        for i in 0...(chars.count - 5) where chars[i + 4] == "年" {
            if let n = HeadingMarker.decimal(Array(chars[i..<(i + 4)])), (1900...2999).contains(n),
               i == 0 || HeadingMarker.asciiDigit(chars[i - 1]) == nil { return n }
        }
        return nil
    }

    /// A year the id ends with (`xiangcheng-2024` → 2024).
    static func trailingYear(_ id: String) -> Int? {
        let digits = id.reversed().prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let n = Int(String(digits.reversed())), (1900...2999).contains(n) else { return nil }
        return n
    }

    /// The title after `NNNN年`, when it ends with 报告.
    static func afterYear(_ title: String) -> String? {
        guard let y = firstYear(title), let r = title.range(of: "\(y)年") else { return nil }
        let rest = String(title[r.upperBound...])
        return rest.hasSuffix("报告") && !rest.isEmpty ? rest : nil
    }

    /// The place named at the start of a clause: `2024年,项城市坚持…` → 项城市. Never a word of a sentence:
    /// 我县, 本市, 全省, 在市, 各区, or a clause that starts with a verb (认真落实省…, 深入推进…).
    static func place(in text: String) -> String? {
        let chars = Array(text)
        for start in chars.indices where start == 0 || ["，", ",", "年", "。"].contains(chars[start - 1]) {
            var end = start
            while end < chars.count, end - start < 8, isHan(chars[end]) {
                if placeSuffixes.contains(chars[end]), end - start >= 1 {
                    let candidate = String(chars[start...end])
                    return isPlaceName(candidate) ? candidate : nil
                }
                end += 1
            }
        }
        return nil
    }

    static let placeSuffixes: Set<Character> = ["市", "县", "区", "州", "省", "旗"]
    /// First characters of words that point at a place without naming it, or that start a clause (在, 对, 按).
    static let notPlaceStarts: Set<Character> = ["我", "本", "全", "在", "各", "该", "此", "其", "省", "市", "县", "区", "对", "按", "向", "由", "从", "为", "与", "和", "及", "经"]
    /// Verbs and adverbs a clause starts with; a "place" holding one is a sentence.
    static let clauseWords = ["认真", "落实", "贯彻", "坚持", "按照", "根据", "围绕", "推进", "加强", "深入", "全面", "积极", "持续",
                              "进一步", "扎实", "不断", "完善", "建立", "健全", "开展", "组织", "召开", "印发", "制定", "会同", "配合"]

    /// Whether `name` (ending in 市/县/区/州/省/旗) names a place.
    static func isPlaceName(_ name: String) -> Bool {
        guard let first = name.first, name.count >= 2, !notPlaceStarts.contains(first) else { return false }
        return !clauseWords.contains { name.contains($0) }
    }

    /// The place a body's name starts with: 项城市人民政府 → 项城市.
    static func placePrefix(of name: String) -> String? {
        guard name.count <= 30, let end = name.firstIndex(where: placeSuffixes.contains) else { return nil }
        let candidate = String(name[...end])
        return isPlaceName(candidate) && candidate.count < name.count ? candidate : nil
    }

    private static func isHan(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }
}
