import GongkaiCore
import Markdown

/// One report's rendered Markdown: the value the body stage (`BodyRenderer`) makes for a report and the page,
/// indicator and search stages read. The site structure (`SiteModel`) holds no body; a build holds the bodies of a
/// few reports at a time and lets each value go once its pages and search documents are made.
public struct ReportBodies: Sendable {
    /// The opening text (`_index.md`), rendered; nil when the report has none.
    public var opening: RenderedMarkdown?
    /// Each topic's body, in the report's topic order (`ReportModel.topics`).
    public var topics: [RenderedMarkdown]
    /// Each topic's excerpt (the first 120 characters of its plain text), in topic order.
    public var excerpts: [String]
    /// The full-text page's anchor ids in the order the page makes them (`FullReportBody.anchors`).
    public var fullIDs: [String]

    /// The body of the topic at `position` (an empty body when there is none, as for a report not rendered).
    public func topic(_ position: Int) -> RenderedMarkdown {
        position < topics.count ? topics[position] : RenderedMarkdown(html: "", headings: [], links: [])
    }

    /// The excerpt of the topic at `position`.
    public func excerpt(_ position: Int) -> String {
        position < excerpts.count ? excerpts[position] : ""
    }

    /// Plain text of each topic of `report` (and `_index` for the opening), as indicators are checked against, made
    /// from the rendered bodies: every id is a key, but only the texts of `only` (when given) are made.
    func topicUTF8(of report: ReportModel, only ids: Set<String>? = nil) -> [String: [UInt8]] {
        func wanted(_ id: String) -> Bool { ids?.contains(id) ?? true }
        var texts: [String: [UInt8]] = [:]
        for (t, topic) in report.topics.enumerated() { texts[topic.id] = wanted(topic.id) ? HTMLText.plainBytes(self.topic(t).html) : [] }
        if let opening { texts["_index"] = wanted("_index") ? HTMLText.plainBytes(opening.html) : [] }
        return texts
    }

    /// `topicUTF8(of:only:)` as strings.
    public func topicTexts(of report: ReportModel, only ids: Set<String>? = nil) -> [String: String] {
        topicUTF8(of: report, only: ids).mapValues { String(decoding: $0, as: UTF8.self) }
    }
}
