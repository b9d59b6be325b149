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

    /// Assembles `site`; throws when two sources claim one URL.
    public func assemble(_ site: LoadedSite) throws(DiagnosticError) -> SiteModel {
        var diagnostics = site.diagnostics
        let renderer = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: site.config.allowRawHTML))

        // Render every body in parallel; results land in fixed slots so the order never depends on timing.
        let jobs: [MarkdownSource] = site.reports.flatMap { report in
            (report.opening.map { [$0] } ?? []) + report.topics.map(\.body)
        }
        let rendered = ParallelMap.map(jobs) { source -> RenderedBody in
            var body = renderer.render(source.text)
            let plain = HTMLText.plain(body.html)
            body.html = TableWrapper.wrap(body.html)
            return RenderedBody(markdown: body, plainText: plain)
        }

        var cursor = 0
        var reports: [ReportModel] = []
        for report in site.reports {
            var opening: RenderedMarkdown?
            var openingText = ""
            if report.opening != nil { opening = rendered[cursor].markdown; openingText = rendered[cursor].plainText; cursor += 1 }
            var topics: [TopicModel] = []
            for topic in report.topics {
                var model = TopicModel(source: topic, body: rendered[cursor].markdown, urlPath: "\(report.metadata.id)/\(topic.id)/")
                model.setPlainText(rendered[cursor].plainText)
                topics.append(model)
                cursor += 1
            }
            for i in topics.indices {
                topics[i].previousID = i > 0 ? topics[i - 1].id : nil
                topics[i].nextID = i + 1 < topics.count ? topics[i + 1].id : nil
            }
            var model = ReportModel(metadata: report.metadata, opening: opening, openingSource: report.opening, topics: topics, indicatorsFile: report.indicators)
            model.index()
            var texts: [String: String] = [:]
            for topic in topics { texts[topic.id] = topic.plainText }
            if opening != nil { texts["_index"] = openingText }
            model.topicTexts = texts
            reports.append(model)
        }
        let fullBodies = ParallelMap.map(reports) { FullReportBody.make($0, html: false) }
        for i in reports.indices { reports[i].fullBody = fullBodies[i] }
        for i in reports.indices {
            guard let file = reports[i].indicatorsFile else { continue }
            do {
                let set = try IndicatorFile.load(path: file.path, text: file.text)
                diagnostics += set.validate(topicTexts: reports[i].topicTexts, path: file.path)
                reports[i].indicators = set
            } catch {
                diagnostics += error.diagnostics
            }
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

/// A rendered Markdown body with its plain text.
private struct RenderedBody: Sendable {
    var markdown: RenderedMarkdown
    var plainText: String
}
