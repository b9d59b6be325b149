import GongkaiCore
import GongkaiSearch
import Markdown

/// Stage 3: applies the theme's templates to pages (in parallel, output order fixed): a few reports' pages at a
/// time, from their rendered bodies; then the pages of no report, the feeds and the static files.
public struct SiteRenderer: Sendable {
    /// Build options (links for the file system, base URL).
    public let options: BuildOptions

    /// Receives rendering progress.
    public let progress: BuildProgress?

    /// Creates a renderer.
    public init(options: BuildOptions, progress: BuildProgress? = nil) {
        self.options = options
        self.progress = progress
    }

    /// Whether `theme`'s pages can be made a few reports at a time: only the search page may show the index's shard
    /// count (a report's pages are made before the index is finished otherwise).
    static func canStream(_ theme: Theme) -> Bool {
        theme.namesByTemplate.keys.allSatisfy { $0 == "search" || !theme.references("searchShards", in: $0) }
    }

    /// Makes `pages` of the reports in `rendered` (each of them a report of `model` with its bodies) and their open-data
    /// files, handing each to `emit`; returns the pages that had no template. `searchShards` is shown where a theme
    /// shows it.
    func renderReports(_ rendered: [RenderedReport], pages: [PageModel], of model: SiteModel, searchShards: Int?, counter: ProgressCounter,
                       emit: @Sendable (OutputFile) -> Void) -> [PageModel] {
        var bodies: [String: ReportBodies] = [:], facts: [String: ReportFacts] = [:]
        for report in rendered {
            let id = model.reports[report.position].metadata.id
            bodies[id] = report.bodies
            facts[id] = report.facts
        }
        var extras = PageExtras()
        extras.searchShards = searchShards
        IndicatorViews(model: model, options: options).apply(to: &extras, bodies: bodies).forEach(emit)
        let builder = PageContextBuilder(model: model, bodies: bodies, facts: facts, options: options, extras: extras)
        return Self.render(pages, theme: model.theme, builder: builder, counter: counter, emit: emit)
    }

    /// Makes the pages of no report (home, site map, search, not found), the feeds and the static files. The home
    /// page and the feed show reports' openings: `openings`, by report id.
    func renderSite(_ pages: [PageModel], of model: SiteModel, openings: [String: RenderedMarkdown], searchShards: Int?, counter: ProgressCounter,
                    emit: @Sendable (OutputFile) -> Void) -> [PageModel] {
        var extras = PageExtras()
        extras.searchShards = searchShards
        let bodies = openings.mapValues { ReportBodies(opening: $0, topics: [], excerpts: [], fullIDs: []) }
        // The feeds (a sitemap.xml line for every page) are made on another thread while the pages render.
        let feeds = BackgroundTask { SiteFeeds(model: model, openings: openings).files() }
        let missing = Self.render(pages, theme: model.theme, builder: PageContextBuilder(model: model, bodies: bodies, options: options, extras: extras),
                                  counter: counter, emit: emit)
        feeds.value().forEach(emit)
        for file in model.staticFiles {
            emit(OutputFile(path: file.outputPath, bytes: file.bytes, kind: .asset))
        }
        return missing
    }

    /// Renders `pages` in parallel, handing each file to `emit` and ticking `counter`; returns the pages that had no
    /// template.
    private static func render(_ pages: [PageModel], theme: Theme, builder: PageContextBuilder, counter: ProgressCounter,
                               emit: @Sendable (OutputFile) -> Void) -> [PageModel] {
        ParallelMap.map(pages) { page -> PageModel? in
            defer { counter.tick() }
            guard let file = render(page, theme: theme, builder: builder) else { return page }
            emit(file)
            return nil
        }.compactMap { $0 }
    }

    /// The errors for pages whose kind has no template.
    static func noTemplate(_ pages: [PageModel]) -> [Diagnostic] {
        pages.map { page in
            Diagnostic.error(BuildText.noTemplateForKind(["kind": page.kind.rawValue]), at: SourceLocation(path: "theme/templates/\(page.kind.rawValue).mustache", line: 1, column: 1))
        }
    }

    /// Search documents a window of the pipeline aims at by default: about what the index merges at once.
    static let documentsPerWindow = 640

    /// One page through its kind's template (`404` for the not-found page); nil when the theme has no such template.
    private static func render(_ page: PageModel, theme: Theme, builder: PageContextBuilder) -> OutputFile? {
        let template = PageContextBuilder.template(for: page.kind)
        guard let html = theme.renderUTF8(template, values: builder.context(for: page)) else { return nil }
        return OutputFile(path: page.outputPath, bytes: html, kind: page.kind, title: page.title, reportID: page.reportID)
    }
}
