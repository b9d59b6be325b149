import GongkaiCore
import GongkaiIndicators
import Markdown

/// Stage 2's result, the site's structure: every report, topic, page URL and navigation link, known before any
/// body or template is rendered. It holds no rendered Markdown (each report's is a `ReportBodies` value, made by the
/// body stage) and is not changed once assembled.
public struct SiteModel: Sendable {
    /// The configuration.
    public var config: SiteConfig
    /// Reports, newest first (year descending, then id).
    public var reports: [ReportModel]
    /// Every HTML page, in output-path order.
    public var pages: [PageModel]
    /// Files copied as they are (theme assets, report images).
    public var staticFiles: [StaticFile]
    /// The theme.
    public var theme: Theme
    /// The loader's and assembler's warnings.
    public var diagnostics: [Diagnostic]

    /// Where links written in the Markdown files reach, relative to each file (`ContentLinks`).
    public internal(set) var contentLinks = ContentLinks()

    /// Position of each report by id.
    var reportIndex: [String: Int] = [:]
    /// For each report (by position), the positions of the reports of its series (`ReportMetadata.seriesIdentity`),
    /// in `reports`' order (newest first), itself included; a report whose series is not known has only itself.
    /// Worked out once here: pages and indicator tables of every report ask for it, and finding the members anew
    /// each time read every report for every report (at 50,000 pages, a tenth of the build's time).
    var seriesMembers: [[Int]] = []
    /// For each report id, the positions in `staticFiles` of the files in its folder (`<id>/…`), in `staticFiles`'
    /// order: each window's 附件 look up their report's files here rather than reading every static file of the site
    /// for every report (reports × files).
    var staticFilesByReport: [String: [Int]] = [:]

    /// Fills `reportIndex`, `seriesMembers` and `staticFilesByReport` from `reports` and `staticFiles`.
    mutating func indexReports() {
        reportIndex = [:]
        var groups: [String: [Int]] = [:]
        var identities: [String] = []
        for (i, report) in reports.enumerated() {
            reportIndex[report.metadata.id] = i
            let identity = report.metadata.seriesIdentity ?? "\u{1F}" + report.metadata.id
            identities.append(identity)
            groups[identity, default: []].append(i)
        }
        seriesMembers = identities.map { groups[$0] ?? [] }
        staticFilesByReport = [:]
        for (i, file) in staticFiles.enumerated() {
            guard let slash = file.outputPath.firstIndex(of: "/") else { continue }
            let folder = String(file.outputPath[..<slash])
            if reportIndex[folder] != nil { staticFilesByReport[folder, default: []].append(i) }
        }
    }

    /// The report with `id`.
    public func report(_ id: String) -> ReportModel? {
        if let i = reportIndex[id] { return reports[i] }
        return reports.first { $0.metadata.id == id }
    }
}

/// One report with its topics in reading order.
public struct ReportModel: Sendable {
    /// Metadata.
    public var metadata: ReportMetadata
    /// Where the opening text comes from (nil: the report has none).
    public var openingSource: MarkdownSource?
    /// Topics in reading order.
    public var topics: [TopicModel]
    /// URL path of the overview (`xiangcheng-2024/`).
    public var urlPath: String { "\(metadata.id)/" }
    /// URL path of the full-report page.
    public var fullURLPath: String { "\(metadata.id)/full/" }
    /// URL path of the indicators page.
    public var indicatorsURLPath: String { "\(metadata.id)/indicators/" }
    /// `indicators.yaml`, if any.
    public var indicatorsFile: SourceFile?
    /// The report's figures, validated against its text (empty when it has none).
    public var indicators: IndicatorSet = IndicatorSet()
    /// URL path of the open-data CSV.
    public var indicatorsCSVPath: String { "\(metadata.id)/indicators.csv" }
    /// URL path of the open-data JSON.
    public var indicatorsJSONPath: String { "\(metadata.id)/indicators.json" }
    /// Its position among the loaded reports (its diagnostics are reported in that order).
    var loadOrder = 0

    /// Position of each topic in `topics`, by id (filled by the assembler).
    var topicIndex: [String: Int] = [:]
    /// Positions of each topic's children, by parent id (`""` for the top level).
    var childIndex: [String: [Int]] = [:]

    /// The topic with `id`.
    public func topic(_ id: String) -> TopicModel? {
        if let i = topicIndex[id] { return topics[i] }
        return topicIndex.isEmpty ? topics.first { $0.id == id } : nil
    }
    /// The position in `topics` of the topic with `id`.
    func position(of id: String) -> Int? {
        if let i = topicIndex[id] { return i }
        return topicIndex.isEmpty ? topics.firstIndex { $0.id == id } : nil
    }
    /// Top-level topics.
    public var topLevel: [TopicModel] { children(of: nil) }
    /// Children of `id` (top-level topics for nil).
    public func children(of id: String?) -> [TopicModel] {
        childPositions(of: id).map { topics[$0] }
    }

    /// Positions in `topics` of the children of `id` (top-level topics for nil), without copying the topics.
    func childPositions(of id: String?) -> [Int] {
        if !topicIndex.isEmpty { return childIndex[id ?? ""] ?? [] }
        return topics.indices.filter { topics[$0].parentID == id }
    }

    /// Builds the lookup tables for `topic(_:)` and `children(of:)`.
    mutating func index() {
        topicIndex = [:]
        childIndex = [:]
        for (i, topic) in topics.enumerated() {
            topicIndex[topic.id] = i
            childIndex[topic.parentID ?? "", default: []].append(i)
        }
    }
}

/// One topic: its place in the report and its URL (its rendered body is in the report's `ReportBodies`).
public struct TopicModel: Sendable {
    /// The loaded source (its body's text left on disk until the body stage reads it).
    public var source: LoadedTopic
    /// URL path (`xiangcheng-2024/02/04/`).
    public var urlPath: String
    /// Topic id (`02/04`).
    public var id: String { source.id }
    /// Parent id.
    public var parentID: String? { source.parentID }
    /// Heading as written.
    public var title: String { source.title }
    /// Title for navigation (without a final 。).
    public var navTitle: String { source.title.withoutFinalFullStop }
    /// Previous topic in reading order.
    public var previousID: String?
    /// Next topic in reading order.
    public var nextID: String?
}

extension TopicModel {
    /// The excerpt of a body whose plain text is `text`.
    static func excerpt(ofPlainText text: String) -> String {
        if let fast = simpleExcerpt(of: text, keeping: 120) { return fast.text }
        return String(text.lazy.filter { $0 != "\n" }.prefix(120))
    }

    /// How many characters other than line breaks `text` has, counting no further than `limit`.
    static func characterCount(of text: String, upTo limit: Int) -> Int {
        if let fast = simpleExcerpt(of: text, keeping: limit) { return fast.count }
        return text.lazy.filter { $0 != "\n" }.prefix(limit).count
    }

    /// The first `limit` characters of `text` other than line breaks (and how many there were), read scalar by scalar
    /// — but only when every scalar read, and the one after the last taken, is one whose character is that scalar
    /// alone (printable ASCII, line feed, CJK ideographs and common CJK punctuation): then scalars are characters.
    /// Nil otherwise (the caller counts characters).
    private static func simpleExcerpt(of text: String, keeping limit: Int) -> (text: String, count: Int)? {
        simpleExcerpt(of: text, keeping: limit, taking: limit)
    }

    /// `simpleExcerpt(of:keeping: limit)`'s count, with the text of only the first `taken` (≤ `limit`) characters:
    /// what `simpleExcerpt(of:keeping: taken)` gives whenever this is not nil (it reads a superset of the scalars).
    private static func simpleExcerpt(of text: String, keeping limit: Int, taking taken: Int) -> (text: String, count: Int)? {
        @inline(__always) func isSimple(_ v: UInt32) -> Bool {
            switch v {
            case 0x0A, 0x20...0x7E, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x3001...0x3011, 0x3014...0x301F, 0xFF01...0xFF5E,
                 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026: return true
            default: return false
            }
        }
        // Read and copied as UTF-8 bytes (appending to a `String.UnicodeScalarView` one scalar at a time cost several
        // hundred instructions a character). Every simple scalar takes one byte or three.
        var text = text
        return text.withUTF8 { bytes -> (text: String, count: Int)? in
            var out: [UInt8] = []
            out.reserveCapacity(min(bytes.count, taken * 3))
            var count = 0
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                let v: UInt32, length: Int
                if lead < 0x80 {
                    v = UInt32(lead)
                    length = 1
                } else if lead & 0xF0 == 0xE0, i + 2 < bytes.count {
                    v = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    length = 3
                } else {
                    return nil  // a scalar of two or four bytes is never simple
                }
                guard isSimple(v) else { return nil }
                if count == limit { return (String(decoding: out, as: UTF8.self), count) }  // the scalar after the last taken is simple too
                if v != 0x0A {
                    if count < taken { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)])) }
                    count += 1
                }
                i += length
            }
            return (String(decoding: out, as: UTF8.self), count)
        }
    }

    /// `excerpt(ofPlainText: HTMLText.plain(html))`, reading only the start of the HTML when that is enough: the
    /// HTML is cut just before a tag (so no tag or entity is cut) after 1 KB, else after 4 KB, and a cut is used only
    /// when its text holds more characters than the excerpt takes (so the last one taken cannot change with what
    /// follows). Characters are counted only as far as that needs: counting them is what costs.
    static func excerpt(ofHTML html: String) -> String {
        let utf8 = html.utf8
        for size in [1024, 4096] where utf8.count > size {
            guard let cut = utf8[..<utf8.index(utf8.startIndex, offsetBy: size)].lastIndex(of: UInt8(ascii: "<")) else { continue }
            let text = String(decoding: HTMLText.plainBytes(html[..<cut]), as: UTF8.self)
            // One pass when it can: the first 120 characters and whether there are more than 122.
            if let both = simpleExcerpt(of: text, keeping: 123, taking: 120) {
                if both.count > 122 { return both.text }
                continue
            }
            if characterCount(of: text, upTo: 123) > 122 { return excerpt(ofPlainText: text) }
        }
        return excerpt(ofPlainText: HTMLText.plain(html))
    }
}

/// One HTML page to render.
public struct PageModel: Sendable, Hashable {
    /// Kind.
    public var kind: PageKind
    /// URL path relative to the site root (`""` for home, `404.html`).
    public var urlPath: String
    /// File path below `public/`.
    public var outputPath: String
    /// Display title (without the report and site names).
    public var title: String
    /// Report id, where it belongs to one.
    public var reportID: String?
    /// Topic id, for topic pages.
    public var topicID: String?
    /// Where the page comes from (for duplicate-URL errors).
    public var source: SourceLocation
}
