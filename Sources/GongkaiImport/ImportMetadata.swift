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

    /// Keeps hand-filled values of an existing report.yaml where this metadata has none.
    public mutating func keepHandFilled(from existing: [String: String]) {
        func keep(_ key: String, _ value: inout String?) {
            if value == nil, let old = existing[key], !old.isEmpty, !old.uppercased().hasPrefix("TODO") { value = old }
        }
        keep("publisher", &publisher)
        keep("published", &published)
        keep("document_number", &documentNumber)
        keep("index_number", &indexNumber)
        keep("category", &category)
        keep("validity", &validity)
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

    /// The place named at the start of a clause: `2024年,项城市坚持…` → 项城市.
    static func place(in text: String) -> String? {
        let chars = Array(text)
        let suffixes: Set<Character> = ["市", "县", "区", "州", "省", "旗"]
        for start in chars.indices where start == 0 || ["，", ",", "年", "。"].contains(chars[start - 1]) {
            var end = start
            while end < chars.count, end - start < 8, isHan(chars[end]) {
                if suffixes.contains(chars[end]), end - start >= 1 { return String(chars[start...end]) }
                end += 1
            }
        }
        return nil
    }

    private static func isHan(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }
}
