import Dispatch
import Foundation
import GongkaiCore
import GongkaiIndicators
import Markdown

/// Stage 2: turns the loaded sources into the site's structure (`SiteModel`): every report, topic and page with its
/// URL, reading order, prev/next, the indicator files loaded. Duplicate URLs and clashing output paths are errors
/// naming their sources. No body is rendered here: that is the body stage (`BodyRenderer`), run a few reports at a
/// time by the pipeline.
public struct SiteAssembler: Sendable {
    /// Links in Markdown that reach a page relative to their file end in `index.html` (`--file-links`).
    public var fileSystemLinks: Bool

    /// Creates an assembler.
    public init(fileSystemLinks: Bool = false) { self.fileSystemLinks = fileSystemLinks }

    /// The structure of `site`, with what the assembly found (`AssembledSite`); it throws nothing: a site with
    /// errors is still assembled, so that the body stage can report every error at once.
    public func assemble(_ site: LoadedSite) -> AssembledSite {
        let renderer = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: site.config.allowRawHTML))
        var reports: [ReportModel] = []
        for r in site.reports.indices {
            let report = site.reports[r]
            var topics: [TopicModel] = []
            topics.reserveCapacity(report.topics.count)
            for t in report.topics.indices {
                topics.append(TopicModel(source: report.topics[t], urlPath: "\(report.metadata.id)/\(report.topics[t].id)/"))
            }
            for i in topics.indices {
                topics[i].previousID = i > 0 ? topics[i - 1].id : nil
                topics[i].nextID = i + 1 < topics.count ? topics[i + 1].id : nil
            }
            var model = ReportModel(metadata: report.metadata, openingSource: report.opening, topics: topics, indicatorsFile: report.indicators)
            model.loadOrder = r
            model.index()
            reports.append(model)
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
        var validates = [Bool](repeating: false, count: reports.count)
        for (i, loaded) in indicatorSets.enumerated() {
            if let set = loaded.set { reports[i].indicators = set; validates[i] = true }
        }
        let order = reports.indices.sorted { a, b in
            (reports[a].metadata.year, reports[b].metadata.id) > (reports[b].metadata.year, reports[a].metadata.id)
        }
        reports = order.map { reports[$0] }
        let indicatorFindings = order.map { indicatorSets[$0].diagnostics }
        validates = order.map { validates[$0] }

        // Where the Markdown files' links reach: worked out on another thread while the pages and copies are checked.
        let sortedReports = reports
        var assets: [String: [StaticFile]] = [:]
        for report in site.reports { assets[report.metadata.id] = report.assets }
        let contentLinks = BackgroundTask { [assets] in ContentLinks(reports: sortedReports, assets: assets) }
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
        // (`what` is made only for a folder not seen yet: most pages share their folders' names with others.)
        func addFolders(of path: String, _ what: () -> String) {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                let name = String(folder)
                if folders[name] != nil { break }
                folders[name] = what()
            }
        }
        for page in pages { addFolders(of: page.outputPath) { "/\(page.outputPath) (\(page.source.path))" } }
        for (i, file) in statics.enumerated() { addFolders(of: file.outputPath) { "/\(file.outputPath) (\(i < site.theme.assets.count ? "theme/" : "content/")\(file.outputPath))" } }
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
        // (Only the pages below a generated file are sorted: there are none in a site without mistakes.)
        let belowGenerated = pages.compactMap { page in generatedAbove(page.outputPath).map { (page, $0) } }
        for (page, (path, what)) in belowGenerated.sorted(by: { ($0.0.outputPath.utf8.count, $0.0.outputPath) < ($1.0.outputPath.utf8.count, $1.0.outputPath) }) {
            guard clashing.insert(path).inserted else { continue }
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
        model.indexReports()
        model.contentLinks = contentLinks.value()
        return AssembledSite(model: model, bodies: BodyRenderer(renderer: renderer, links: model.contentLinks, fileSystemLinks: fileSystemLinks),
                             indicatorFindings: indicatorFindings, validates: validates, loadDiagnostics: site.diagnostics, duplicates: diagnostics)
    }
}

