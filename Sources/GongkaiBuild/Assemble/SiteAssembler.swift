import Dispatch
import Foundation
import GongkaiCore
import GongkaiIndicators
import Markdown

/// Stage 2: turns the loaded sources into the complete `SiteModel`: URLs, reading order, prev/next, rendered
/// Markdown bodies with their anchors. Duplicate URLs are errors naming both sources.
public struct SiteAssembler: Sendable {
    /// Creates an assembler.
    public init() {}

    /// Assembles `site`; throws when two sources claim one URL. The model keeps no Markdown text: each body's text
    /// is let go as soon as it is rendered (links and headings keep their source positions), so that a large site's
    /// sources and pages are not both held.
    public func assemble(_ site: consuming LoadedSite) throws(DiagnosticError) -> SiteModel {
        var diagnostics = site.diagnostics
        let renderer = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: site.config.allowRawHTML))

        // Render every body in parallel; results land in fixed slots so the order never depends on timing. The texts
        // move into boxes that each rendering job empties, and out of the loaded site.
        var boxes: [MarkdownTextBox] = []
        for r in site.reports.indices {
            if let opening = site.reports[r].opening {
                boxes.append(MarkdownTextBox(opening.text))
                site.reports[r].opening?.text = ""
            }
            for t in site.reports[r].topics.indices {
                boxes.append(MarkdownTextBox(site.reports[r].topics[t].body.text))
                site.reports[r].topics[t].body.text = ""
            }
        }
        let rendered = ParallelMap.map(boxes) { box -> RenderedBody in
            var body = renderer.render(box.take())
            let excerpt = TopicModel.excerpt(ofHTML: body.html)
            body.html = TableWrapper.wrap(body.html)
            return RenderedBody(markdown: body, excerpt: excerpt)
        }

        var cursor = 0
        var reports: [ReportModel] = []
        for report in site.reports {
            var opening: RenderedMarkdown?
            if report.opening != nil { opening = rendered[cursor].markdown; cursor += 1 }
            var topics: [TopicModel] = []
            for topic in report.topics {
                var model = TopicModel(source: topic, body: rendered[cursor].markdown, urlPath: "\(report.metadata.id)/\(topic.id)/")
                model.excerpt = rendered[cursor].excerpt
                topics.append(model)
                cursor += 1
            }
            for i in topics.indices {
                topics[i].previousID = i > 0 ? topics[i - 1].id : nil
                topics[i].nextID = i + 1 < topics.count ? topics[i + 1].id : nil
            }
            var model = ReportModel(metadata: report.metadata, opening: opening, openingSource: report.opening, topics: topics, indicatorsFile: report.indicators)
            model.index()
            reports.append(model)
        }
        let fullBodies = ParallelMap.map(reports) { FullReportBody.anchors(of: $0) }
        for i in reports.indices { reports[i].fullBody = fullBodies[i] }
        // Each report's indicators, loaded and checked against its topics in parallel; merged in report order.
        let indicatorSets = ParallelMap.map(reports) { report -> (set: IndicatorSet?, diagnostics: [Diagnostic]) in
            guard let file = report.indicatorsFile else { return (nil, []) }
            do throws(DiagnosticError) {
                let set = try IndicatorFile.load(path: file.path, text: file.text)
                return (set, set.validate(topicTexts: report.topicTexts(only: Set(set.indicators.map(\.topic))), path: file.path))
            } catch {
                return (nil, error.diagnostics)
            }
        }
        for (i, loaded) in indicatorSets.enumerated() {
            if let set = loaded.set { reports[i].indicators = set }
            diagnostics += loaded.diagnostics
        }
        reports.sort { ($0.metadata.year, $1.metadata.id) > ($1.metadata.year, $0.metadata.id) }

        var pages: [PageModel] = []
        let siteSource = site.config.location
        pages.append(PageModel(kind: .home, urlPath: "", outputPath: "index.html", title: site.config.title, source: siteSource))
        pages.append(PageModel(kind: .sitemap, urlPath: "sitemap/", outputPath: "sitemap/index.html", title: "网站地图", source: siteSource))
        if site.config.search {
            pages.append(PageModel(kind: .search, urlPath: "search/", outputPath: "search/index.html", title: "站内搜索", source: siteSource))
        }
        pages.append(PageModel(kind: .notFound, urlPath: "404.html", outputPath: "404.html", title: "页面未找到", source: siteSource))
        for report in reports {
            let id = report.metadata.id
            let loc = report.metadata.location
            pages.append(PageModel(kind: .report, urlPath: report.urlPath, outputPath: "\(id)/index.html", title: report.metadata.title, reportID: id, source: loc))
            pages.append(PageModel(kind: .full, urlPath: report.fullURLPath, outputPath: "\(id)/full/index.html", title: "全文", reportID: id, source: loc))
            pages.append(PageModel(kind: .indicators, urlPath: report.indicatorsURLPath, outputPath: "\(id)/indicators/index.html", title: "主要指标", reportID: id, source: loc))
            for topic in report.topics {
                pages.append(PageModel(kind: .topic, urlPath: topic.urlPath, outputPath: "\(topic.urlPath)index.html", title: topic.navTitle,
                                       reportID: id, topicID: topic.id, source: topic.source.titleLocation))
            }
        }
        var byPath: [String: PageModel] = [:]
        for page in pages {
            if let first = byPath[page.outputPath] {
                diagnostics.append(.error("duplicate URL /\(page.urlPath): also produced by \(first.source.path); give one of them another `slug`", at: page.source))
            } else {
                byPath[page.outputPath] = page
            }
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        pages.sort { $0.outputPath < $1.outputPath }
        let statics = site.theme.assets + site.reports.flatMap(\.assets)
        var model = SiteModel(config: site.config, reports: reports, pages: pages, staticFiles: statics, theme: site.theme, diagnostics: diagnostics)
        for (i, report) in reports.enumerated() { model.reportIndex[report.metadata.id] = i }
        return model
    }
}

/// A rendered Markdown body with its excerpt.
private struct RenderedBody: Sendable {
    var markdown: RenderedMarkdown
    var excerpt: String
}

/// One body's Markdown text on its way to the renderer: the one job that renders it takes the text out, so it is
/// freed as soon as that body is rendered. Each box is used by exactly one job, which is what makes it Sendable.
private final class MarkdownTextBox: @unchecked Sendable {
    private var text: String

    init(_ text: String) { self.text = text }

    /// The text; the box is empty afterwards.
    func take() -> String {
        defer { text = "" }
        return text
    }
}
