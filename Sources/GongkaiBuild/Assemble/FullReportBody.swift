import GongkaiCore
import Markdown

/// The whole report in reading order as one HTML fragment: salutation, opening, every topic's heading (at its depth)
/// and body, closing lines. Anchors are unique across the page.
///
/// A report's bodies keep only the anchor ids (`anchors(of:bodies:)`: what links and checks need); the fragment is
/// made when the full-text page is rendered, so a large site never holds every report twice.
public struct FullReportBody: Sendable, Hashable {
    /// The fragment.
    public var html: String
    /// Its headings, in order.
    public var headings: [RenderedMarkdown.Heading]
    /// Anchor of each topic's heading on this page, by topic id.
    public var topicAnchors: [String: String]
    /// Every anchor id in the order they were made (the opening's headings included): what the headings-only pass
    /// (`html: false`) gives, so that the fragment can be made later without working the ids out again.
    public var ids: [String] = []

    /// What the body stage keeps of a report's full text (`ReportBodies.fullIDs`): only the anchor ids in order,
    /// which the link check and the fragment made later need (a large site's full texts repeat every heading).
    public static func anchors(of report: ReportModel, bodies: ReportBodies) -> [String] {
        make(report, bodies: bodies, html: false).ids
    }

    /// Builds the body from already rendered topics (headings are shifted, not re-rendered); with `html: false`,
    /// only the headings and anchors (the fragment is left empty).
    public static func make(_ report: ReportModel, bodies: ReportBodies, html buildHTML: Bool = true) -> FullReportBody {
        // The ids the headings-only pass made, handed out again in the same order (the fragment meets the same
        // headings in the same order).
        var ids = buildHTML && !bodies.fullIDs.isEmpty ? HeadingIDGenerator(replaying: bodies.fullIDs) : HeadingIDGenerator()
        var html = "<div class=\"report-text\" id=\"report-text\">\n"
        var headings: [RenderedMarkdown.Heading] = []
        var openingIDs: [String] = []
        var anchors: [String: String] = [:]
        let m = report.metadata
        if !m.salutation.isEmpty || bodies.opening != nil {
            html += "<div class=\"report-opening\">\n"
            if !m.salutation.isEmpty { html += "<p class=\"salutation\">\(TextEscaping.html(m.salutation))</p>\n" }
            if let opening = bodies.opening {
                if buildHTML {
                    html += HTMLLinkRebaser.rebase(opening.shifted(by: 1, ids: &ids).html, from: report.urlPath, to: report.fullURLPath)
                } else {
                    openingIDs = opening.shiftedHeadings(by: 1, ids: &ids).map(\.id)
                }
            }
            html += "</div>\n"
        }
        for (t, topic) in report.topics.enumerated() {
            let rendered = bodies.topic(t)
            let level = min(6, topic.source.depth + 1)
            let id = ids.next(for: topic.title)
            anchors[topic.id] = id
            headings.append(.init(level: level, text: topic.title, id: id, line: topic.source.titleLocation.line))
            html += "<section class=\"report-topic depth-\(topic.source.depth)\" aria-labelledby=\"\(id)\">\n"
            html += "<h\(level) id=\"\(id)\">\(TextEscaping.html(topic.title))</h\(level)>\n"
            guard buildHTML else {
                headings += rendered.shiftedHeadings(by: topic.source.depth, ids: &ids)
                continue
            }
            let body = rendered.shifted(by: topic.source.depth, ids: &ids)
            headings += body.headings
            html += HTMLLinkRebaser.rebase(body.html, from: topic.urlPath, to: report.fullURLPath)
            html += "</section>\n"
        }
        if !m.closing.isEmpty || !m.signature.isUnsetValue {
            // 特此报告。, then 发文机关署名 and 成文日期 (GB/T 9704), kept together in print.
            html += "<div class=\"report-closing\">\n"
            // The last of two or more closing lines is the date line (as the importer writes them).
            let dated = m.closing.count > 1
            for (i, line) in m.closing.enumerated() {
                let isDate = dated && i == m.closing.count - 1
                if isDate, !m.signature.isUnsetValue { html += "<p class=\"signature-line\">\(TextEscaping.html(m.signature))</p>\n" }
                html += "<p\(isDate ? " class=\"date-line\"" : "")>\(TextEscaping.html(line))</p>\n"
            }
            if !dated, !m.signature.isUnsetValue { html += "<p class=\"signature-line\">\(TextEscaping.html(m.signature))</p>\n" }
            html += "</div>\n"
        }
        html += "</div>\n"
        var body = FullReportBody(html: buildHTML ? html : "", headings: headings, topicAnchors: anchors)
        // Every id in the order made: the opening's, then each topic's heading and its body's (as `headings`).
        if !buildHTML { body.ids = openingIDs + headings.map(\.id) }
        return body
    }
}
