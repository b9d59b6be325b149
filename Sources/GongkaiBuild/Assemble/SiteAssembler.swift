import Dispatch
import Foundation
import GongkaiCore
import GongkaiIndicators
import Markdown

/// Stage 2: turns the loaded sources into the complete `SiteModel`: URLs, reading order, prev/next, rendered
/// Markdown bodies with their anchors. Duplicate URLs are errors naming both sources.
///
/// In two steps, which a streaming build runs apart (`AssemblyPlan`): the site's structure (every report, topic and
/// page with its URL, the indicator files loaded), then the bodies, a few reports at a time (cmark, anchors,
/// excerpts, the full text's anchor ids, indicators checked against the text).
public struct SiteAssembler: Sendable {
    /// Links in Markdown that reach a page relative to their file end in `index.html` (`--file-links`).
    public var fileSystemLinks: Bool

    /// Creates an assembler.
    public init(fileSystemLinks: Bool = false) { self.fileSystemLinks = fileSystemLinks }

    /// Assembles `site`; throws when two sources claim one URL. The model keeps no Markdown text: each body's text
    /// is let go as soon as it is rendered (links and headings keep their source positions), so that a large site's
    /// sources and pages are not both held.
    public func assemble(_ site: consuming LoadedSite) throws(DiagnosticError) -> SiteModel {
        try plan(consume site).assembled()
    }

    /// Step 1: the site's structure, no body rendered yet (see `AssemblyPlan`).
    func plan(_ site: consuming LoadedSite) -> AssemblyPlan {
        let renderer = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: site.config.allowRawHTML))
        // The texts move into boxes that each rendering job empties, and out of the loaded site.
        var pending: [PendingReport] = []
        var reports: [ReportModel] = []
        for r in site.reports.indices {
            let report = site.reports[r]
            var opening: MarkdownTextBox?
            if let source = report.opening {
                opening = MarkdownTextBox(source)
                site.reports[r].opening?.text = ""
            }
            var boxes: [MarkdownTextBox] = []
            var topics: [TopicModel] = []
            boxes.reserveCapacity(report.topics.count)
            topics.reserveCapacity(report.topics.count)
            for t in report.topics.indices {
                boxes.append(MarkdownTextBox(site.reports[r].topics[t].body))
                site.reports[r].topics[t].body.text = ""
                topics.append(TopicModel(source: site.reports[r].topics[t], body: RenderedMarkdown(html: "", headings: [], links: []),
                                         urlPath: "\(report.metadata.id)/\(report.topics[t].id)/"))
            }
            for i in topics.indices {
                topics[i].previousID = i > 0 ? topics[i - 1].id : nil
                topics[i].nextID = i + 1 < topics.count ? topics[i + 1].id : nil
            }
            var model = ReportModel(metadata: report.metadata, opening: nil, openingSource: site.reports[r].opening, topics: topics,
                                    indicatorsFile: report.indicators)
            model.index()
            reports.append(model)
            pending.append(PendingReport(loadOrder: r, opening: opening, topics: boxes))
        }
        // Each report's indicators, loaded in parallel; checked against the topics' text once they are rendered.
        let indicatorSets = ParallelMap.map(reports) { report -> (set: IndicatorSet?, diagnostics: [Diagnostic]) in
            guard let file = report.indicatorsFile else { return (nil, []) }
            do throws(DiagnosticError) {
                return (try IndicatorFile.load(path: file.path, text: file.text), [])
            } catch {
                return (nil, error.diagnostics)
            }
        }
        for (i, loaded) in indicatorSets.enumerated() {
            if let set = loaded.set { reports[i].indicators = set; pending[i].validates = true }
            pending[i].diagnostics = loaded.diagnostics
        }
        let order = reports.indices.sorted { a, b in
            (reports[a].metadata.year, reports[b].metadata.id) > (reports[b].metadata.year, reports[a].metadata.id)
        }
        reports = order.map { reports[$0] }
        pending = order.map { pending[$0] }

        var diagnostics: [Diagnostic] = []
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
                diagnostics.append(.error(BuildText.duplicateURL(["url": page.urlPath, "other": first.source.path]), at: page.source))
            } else {
                byPath[page.outputPath] = page
            }
        }
        pages.sort { $0.outputPath < $1.outputPath }
        let statics = site.theme.assets + site.siteFiles + site.reports.flatMap(\.assets)
        // A copied file may not take a page's place or another file's (the later one would silently win), nor be
        // where another output needs a folder, nor need a folder where another output is a file.
        var copied: [String: String] = [:]
        var folders: [String: String] = [:]
        func addFolders(of path: String, _ what: String) {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if folders[String(folder)] != nil { break }
                folders[String(folder)] = what
            }
        }
        for page in pages { addFolders(of: page.outputPath, "/\(page.outputPath) (\(page.source.path))") }
        for (i, file) in statics.enumerated() { addFolders(of: file.outputPath, "/\(file.outputPath) (\(i < site.theme.assets.count ? "theme/" : "content/")\(file.outputPath))") }
        let staticPaths = Set(statics.map(\.outputPath))
        func fileInTheWay(of path: String) -> Message? {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if let page = byPath[String(folder)] { return BuildText.clashPageAbove(["folder": folder, "source": page.source.path]) }
                if staticPaths.contains(String(folder)) { return BuildText.clashCopiedFileAbove(["folder": folder]) }
            }
            return nil
        }
        // The files the build makes besides pages and copies: a page's folder or a copied file in their place
        // would fail only when written, reported at the output folder rather than at its source.
        var generated: [String: Message] = ["sitemap.xml": BuildText.generatedSitemap.message, "robots.txt": BuildText.generatedRobots.message,
                                            "feed.xml": BuildText.generatedFeed.message, "manifest.json": BuildText.generatedManifest.message]
        for report in reports where !report.indicators.isEmpty {
            generated[report.indicatorsCSVPath] = BuildText.generatedIndicatorsCSV(["id": report.metadata.id])
            generated[report.indicatorsJSONPath] = BuildText.generatedIndicatorsJSON(["id": report.metadata.id])
        }
        func generatedAbove(_ path: String) -> (path: String, what: Message)? {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if let what = generated[String(folder)] { return (String(folder), what) }
            }
            return nil
        }
        var clashing = Set<String>()
        // Shortest first, so that a report's folder is reported at its report.yaml rather than at a topic.
        for page in pages.sorted(by: { ($0.outputPath.utf8.count, $0.outputPath) < ($1.outputPath.utf8.count, $1.outputPath) }) {
            guard let (path, what) = generatedAbove(page.outputPath), clashing.insert(path).inserted else { continue }
            diagnostics.append(.error(BuildText.pageNeedsGeneratedFolder(["url": page.urlPath, "folder": path, "what": what, "source": page.source.path]),
                                      at: page.source))
        }
        for (i, file) in statics.enumerated() {
            let source = (i < site.theme.assets.count ? "theme/" : "content/") + file.outputPath
            let over = generated[file.outputPath].map { BuildText.copyOverGenerated(["source": source, "output": file.outputPath, "what": $0]) }
                ?? generatedAbove(file.outputPath).map { BuildText.copyBelowGenerated(["source": source, "output": file.outputPath, "what": $0.what, "path": $0.path]) }
            if let over {
                diagnostics.append(.error(over,
                                          at: SourceLocation(path: source, line: 1, column: 1)))
                continue
            }
            var clash = byPath[file.outputPath].map { BuildText.clashPage(["source": $0.source.path]) } ?? copied[file.outputPath].map { CoreText.verbatim(["text": $0]) }
            if clash == nil, let inside = folders[file.outputPath] { clash = BuildText.clashFolderOf(["inside": inside]) }
            if clash == nil, let blocker = fileInTheWay(of: file.outputPath) { clash = BuildText.clashInside(["blocker": blocker]) }
            if let clash {
                diagnostics.append(.error(BuildText.copyClash(["source": source, "output": file.outputPath, "clash": clash]),
                                          at: SourceLocation(path: source, line: 1, column: 1)))
            } else {
                copied[file.outputPath] = "`\(source)`"
            }
        }
        var model = SiteModel(config: site.config, reports: reports, pages: pages, staticFiles: statics, theme: site.theme, diagnostics: site.diagnostics)
        for (i, report) in reports.enumerated() { model.reportIndex[report.metadata.id] = i }
        var assets: [String: [StaticFile]] = [:]
        for report in site.reports { assets[report.metadata.id] = report.assets }
        model.contentLinks = ContentLinks(reports: reports, assets: assets)
        return AssemblyPlan(model: model, renderer: renderer, pending: pending, loadDiagnostics: site.diagnostics, duplicates: diagnostics,
                            fileSystemLinks: fileSystemLinks)
    }
}

/// A site assembled but for its bodies (`SiteAssembler.plan`): the model with every report, topic and page, and
/// the Markdown still to render. `renderBodies(of:)` renders the bodies of some reports into the model; once every
/// report's are, `diagnostics()` is what `SiteAssembler.assemble` reports.
struct AssemblyPlan: ~Copyable {
    /// The model: reports in their final order, bodies empty until rendered.
    var model: SiteModel
    let renderer: MarkdownRenderer
    /// What is left to do per report, in the model's order.
    fileprivate var pending: [PendingReport]
    /// The loader's warnings.
    let loadDiagnostics: [Diagnostic]
    /// Errors for URLs claimed twice.
    let duplicates: [Diagnostic]
    /// Whether links that Markdown writes to a page end in `index.html`.
    let fileSystemLinks: Bool

    fileprivate init(model: SiteModel, renderer: MarkdownRenderer, pending: [PendingReport], loadDiagnostics: [Diagnostic], duplicates: [Diagnostic],
                     fileSystemLinks: Bool) {
        self.fileSystemLinks = fileSystemLinks
        self.model = model
        self.renderer = renderer
        self.pending = pending
        self.loadDiagnostics = loadDiagnostics
        self.duplicates = duplicates
    }

    /// Renders the bodies of the reports at `positions` (in `model.reports`) in parallel, each text let go once
    /// rendered; then each report's full-text anchors, and its indicators checked against its topics' text.
    mutating func renderBodies(of positions: Range<Int>) {
        /// One body to render: where its Markdown comes from and the page it is rendered for.
        struct Job: Sendable { var report: Int; var topic: Int?; var source: String; var page: String }
        var jobs: [Job] = []
        for r in positions {
            let report = model.reports[r]
            if pending[r].opening != nil { jobs.append(Job(report: r, topic: nil, source: report.openingSource?.path ?? "", page: report.urlPath)) }
            for t in pending[r].topics.indices {
                jobs.append(Job(report: r, topic: t, source: report.topics[t].source.body.path, page: report.topics[t].urlPath))
            }
        }
        let renderer = self.renderer
        let pending = self.pending
        let links = model.contentLinks
        let fileSystemLinks = self.fileSystemLinks
        // Results land in fixed slots so the order never depends on timing.
        let rendered = ParallelMap.map(jobs) { job -> RenderedBody in
            let box = job.topic.map { pending[job.report].topics[$0] } ?? pending[job.report].opening
            let text: MarkdownBody
            do throws(DiagnosticError) {
                text = try box?.take() ?? .text("")
            } catch {
                return RenderedBody(markdown: RenderedMarkdown(html: "", headings: [], links: []), excerpt: "", failure: error.diagnostics)
            }
            var body = text.rendered(by: renderer)
            if !body.links.isEmpty || renderer.options.allowRawHTML {
                body.html = links.rewrite(body.html, from: job.source, page: job.page, fileSystemLinks: fileSystemLinks)
            }
            let excerpt = TopicModel.excerpt(ofHTML: body.html)
            body.html = TableWrapper.wrap(body.html)
            return RenderedBody(markdown: body, excerpt: excerpt)
        }
        var unread = Set<Int>()
        for (job, result) in zip(jobs, rendered) {
            self.pending[job.report].diagnostics += result.failure
            if !result.failure.isEmpty { unread.insert(job.report) }
            if let t = job.topic {
                model.reports[job.report].topics[t].body = result.markdown
                model.reports[job.report].topics[t].excerpt = result.excerpt
            } else {
                model.reports[job.report].opening = result.markdown
            }
        }
        let reports = positions.map { model.reports[$0] }
        let fullBodies = ParallelMap.map(reports) { FullReportBody.anchors(of: $0) }
        // A report whose text could not all be read (the build fails for that) is not checked against it.
        let checks = ParallelMap.map(Array(zip(reports, positions.map { self.pending[$0].validates && !unread.contains($0) }))) { report, validates -> [Diagnostic] in
            guard validates, let file = report.indicatorsFile else { return [] }
            let set = report.indicators
            return set.validate(topicUTF8: report.topicUTF8(only: Set(set.indicators.map(\.topic))), path: file.path)
        }
        for (i, r) in positions.enumerated() {
            model.reports[r].fullBody = fullBodies[i]
            self.pending[r].diagnostics += checks[i]
            self.pending[r].opening = nil
            self.pending[r].topics = []
        }
    }

    /// The site's diagnostics once every body is rendered: the loader's, each report's indicator findings (in the
    /// order the reports were loaded), the duplicate URLs.
    func diagnostics() -> [Diagnostic] {
        loadDiagnostics + pending.sorted { $0.loadOrder < $1.loadOrder }.flatMap(\.diagnostics) + duplicates
    }

    /// Whether the reports at `positions` (rendered) have errors: the build will fail with the assembler's errors.
    func hasErrors(in positions: Range<Int>) -> Bool {
        positions.contains { pending[$0].diagnostics.hasErrors }
    }

    /// The model with every body rendered and the site's diagnostics; throws the errors among them.
    consuming func assembled() throws(DiagnosticError) -> SiteModel {
        renderBodies(of: 0..<model.reports.count)
        let diagnostics = diagnostics()
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        model.diagnostics = diagnostics
        return model
    }

    /// Lets the rendered bodies of the reports at `positions` go once every page and search document that shows
    /// them is made: the topics' HTML, excerpts and headings, and the full texts' anchor lists. What the checker
    /// needs stays, compactly: anchor ids, the headings that skip a level, links.
    mutating func releaseBodies(of positions: Range<Int>) {
        for r in positions {
            for t in model.reports[r].topics.indices { model.reports[r].topics[t].releaseBody() }
            model.reports[r].fullBody.releaseIDs()
        }
    }
}

/// What is left to assemble of one report.
private struct PendingReport: Sendable {
    /// Its position among the loaded reports (diagnostics keep that order).
    var loadOrder: Int
    /// The opening's Markdown, until rendered.
    var opening: MarkdownTextBox?
    /// Each topic's Markdown, until rendered.
    var topics: [MarkdownTextBox]
    /// Whether its indicators loaded and are to be checked against its text.
    var validates = false
    /// Its indicator findings so far.
    var diagnostics: [Diagnostic] = []
}

/// A rendered Markdown body with its excerpt.
private struct RenderedBody: Sendable {
    var markdown: RenderedMarkdown
    var excerpt: String
    /// Why its text could not be read (its file changed since it was loaded).
    var failure: [Diagnostic] = []
}

/// One body's Markdown on its way to the renderer: the one job that renders it takes the text out (reading it from
/// its file when the loader left it there), so it is freed as soon as that body is rendered. Each box is used by
/// exactly one job, which is what makes it Sendable.
private final class MarkdownTextBox: @unchecked Sendable {
    private var source: MarkdownSource?

    init(_ source: MarkdownSource) { self.source = source }

    /// The body; the box is empty afterwards.
    func take() throws(DiagnosticError) -> MarkdownBody {
        defer { source = nil }
        return try source?.load() ?? .text("")
    }
}
