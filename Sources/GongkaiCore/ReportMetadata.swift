import Foundation

/// Metadata of one report, read from `content/<report>/report.yaml`.
public struct ReportMetadata: Sendable, Hashable {
    /// The folder name: report id and URL segment.
    public var id: String
    /// Full title.
    public var title: String
    /// Year reported on.
    public var year: Int
    /// Report series (法治政府建设年度报告, 政府信息公开工作年度报告 …).
    public var series: String
    /// 发布机构.
    public var publisher: String
    /// An explicit series key (`series_key`), for when one publisher's reports must be joined although its name
    /// changed (项城县人民政府 → 项城市人民政府), or kept apart although name and series agree; empty when not set.
    public var seriesKey: String = ""
    /// 成文日期 (`YYYY-MM-DD`).
    public var written: String
    /// 发布日期 (`YYYY-MM-DD`).
    public var published: String
    /// 文号.
    public var documentNumber: String
    /// 索引号.
    public var indexNumber: String
    /// 主题分类.
    public var category: String
    /// 有效性.
    public var validity: String
    /// The line before the opening text.
    public var salutation: String
    /// Closing lines (特此报告。, the date line).
    public var closing: [String]
    /// 发文机关署名 (`signature`): the line printed above the date line at the end of the full text; empty when not set.
    public var signature: String = ""
    /// Short description for meta tags.
    public var summary: String
    /// Where the metadata came from.
    public var location: SourceLocation
    /// Where each field is written, for diagnostics.
    public var fieldLocations: [String: SourceLocation] = [:]

    /// Creates report metadata.
    public init(id: String, title: String, year: Int, series: String = "", publisher: String = "", written: String = "",
                published: String = "", documentNumber: String = "", indexNumber: String = "", category: String = "",
                validity: String = "", salutation: String = "", closing: [String] = [], summary: String = "",
                location: SourceLocation) {
        self.id = id
        self.title = title
        self.year = year
        self.series = series
        self.publisher = publisher
        self.written = written
        self.published = published
        self.documentNumber = documentNumber
        self.indexNumber = indexNumber
        self.category = category
        self.validity = validity
        self.salutation = salutation
        self.closing = closing
        self.summary = summary
        self.location = location
    }
}

extension ReportMetadata {
    /// What makes reports one series, compared across years: `series_key` when set, otherwise 发布机构 and series
    /// together; nil when neither is known (such a report is compared with none). Reports of two publishers never
    /// share it, so their figures are never drawn as one series.
    public var seriesIdentity: String? {
        if !seriesKey.isUnsetValue { return "key\u{1F}" + seriesKey }
        guard !publisher.isUnsetValue, !series.isUnsetValue else { return nil }
        return publisher + "\u{1F}" + series
    }
}

extension String {
    /// True for a value the config marks as not known yet (`TODO`) or leaves empty.
    public var isUnsetValue: Bool {
        // Leading blanks skipped, then either nothing or "todo" in any case (scalar by scalar: no copies).
        var prefix = "todo".unicodeScalars.makeIterator()
        var seenText = false
        for scalar in unicodeScalars {
            if !seenText && (scalar == " " || scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator) { continue }
            seenText = true
            guard let expected = prefix.next() else { return true }
            let lower = scalar.value >= 0x41 && scalar.value <= 0x5A ? scalar.value + 32 : scalar.value
            if lower != expected.value { return false }
        }
        return !seenText || prefix.next() == nil
    }

    /// The text without a trailing 。 (for navigation and page titles).
    public var withoutFinalFullStop: String {
        // What `while hasSuffix("。") { removeLast() }` does, without comparing Unicode-aware on every title: the
        // last character is 。 exactly when the text ends in its bytes and that character is that one scalar alone
        // (after a prepended mark, such as U+0600, the two form one character, which is not 。).
        var s = self
        while s.utf8.count >= 3, s.utf8.suffix(3).elementsEqual([0xE3, 0x80, 0x82]), s.last?.unicodeScalars.count == 1 {
            s.removeLast()
        }
        return s
    }
}
