import GongkaiCore
import GongkaiSearch

/// Stage 3: applies the theme's templates to every page (in parallel, output order fixed) and adds static files.
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

    /// Renders every page of `model`.
    public func render(_ model: SiteModel) throws(DiagnosticError) -> [OutputFile] {
        try render(model, keepSearchState: false).files
    }

    /// Renders every page of `model`; with `keepSearchState`, also returns the search index's state.
    func render(_ model: SiteModel, keepSearchState: Bool) throws(DiagnosticError) -> (files: [OutputFile], search: SearchIndexState?) {
        let collected = Locked<[OutputFile]>([])
        let search = try produce(model, keepSearchState: keepSearchState) { file in collected.withLock { $0.append(file) } }
        return (collected.withLock { $0 }, search)
    }

    /// Produces every output file of `model`, handing each to `emit` as soon as it is made (from several threads
    /// at once), so that a build can write pages as they are rendered instead of holding the whole site.
    ///
    /// With `handOverBodies` (a caller that keeps no copy of the model), the topics' HTML is moved to the search
    /// index once every page that shows it is made, and the index lets each go as it reads it.
    func produce(_ site: consuming SiteModel, keepSearchState: Bool, handOverBodies: Bool = false,
                 emit: @Sendable (OutputFile) -> Void) throws(DiagnosticError) -> SearchIndexState? {
        var model = consume site
        var extras = PageExtras()
        IndicatorViews(model: model, options: options).apply(to: &extras).forEach(emit)
        let theme = model.theme
        let counter = ProgressCounter(total: model.pages.count, progress: progress)
        var missing: [PageModel] = []
        func renderPages(_ pages: [PageModel], extras: PageExtras) {
            missing += Self.render(pages, theme: theme, builder: PageContextBuilder(model: model, options: options, extras: extras),
                                   counter: counter, emit: emit)
        }
        // Pages carry the index's shard count (which saves the search page a request), so the index comes first —
        // for the pages whose templates may show it. The others are rendered before the index: what the index
        // leaves behind in the heap then does not slow them down.
        var state: SearchIndexState?
        if model.config.search {
            // The search page, the home page and the site map show no topic's body: they come after the index, when
            // the bodies are let go (a large site's home page and site map are rendered by Mustache directly, whose
            // values would otherwise sit on top of every body).
            let late: Set<PageKind> = [.search, .home, .sitemap]
            let early = Self.canStream(theme)
                ? model.pages.filter { !late.contains($0.kind) } : []
            renderPages(early, extras: extras)
            let bodies = handOverBodies && !early.isEmpty && !keepSearchState ? TopicBodyStore(taking: &model) : nil
            let index = SearchIndexBuilder(model: model, bodies: bodies).build(keepState: keepSearchState, emit: emit)
            extras.searchShards = index.shards
            state = index.state
            renderPages(early.isEmpty ? model.pages : model.pages.filter { late.contains($0.kind) }, extras: extras)
        } else {
            renderPages(model.pages, extras: extras)
        }
        let diagnostics = Self.noTemplate(missing)
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        Self.emitFeedsAndAssets(of: model, emit: emit)
        return state
    }

    /// Whether `stream` can make `theme`'s pages: only the search page may show the index's shard count (the other
    /// pages are made before the index is finished).
    static func canStream(_ theme: Theme) -> Bool {
        theme.namesByTemplate.keys.allSatisfy { $0 == "search" || !theme.references("searchShards", in: $0) }
    }

    /// Renders the bodies of `plan` and produces every output file, a few reports at a time: each window's bodies
    /// are rendered, its pages, open-data files and search documents made and handed to `emit`, then its topics'
    /// HTML let go; the pages of no report (home, site map, search, not found), the index's shards, the feeds and
    /// static files come last. So a large site's HTML is never held whole (`SiteBuilder.write` on a first build,
    /// which checks the site afterwards and discards the output when it fails). Returns the pages that had no
    /// template; `canStream(theme)` must hold. A window is whole reports, about `window` search documents.
    func stream(_ plan: inout AssemblyPlan, window: Int = documentsPerWindow, emit: @Sendable (OutputFile) -> Void) -> [PageModel] {
        let theme = plan.model.theme
        let counter = ProgressCounter(total: plan.model.pages.count, progress: progress)
        var pagesOfReport: [String: [PageModel]] = [:]
        var sitePages: [PageModel] = []
        for page in plan.model.pages {
            if let id = page.reportID { pagesOfReport[id, default: []].append(page) } else { sitePages.append(page) }
        }
        var missing: [PageModel] = []
        func renderPages(_ pages: [PageModel], builder: PageContextBuilder) {
            missing += Self.render(pages, theme: theme, builder: builder, counter: counter, emit: emit)
        }
        var index = plan.model.config.search ? SiteSearchJob(SearchIndexBuilder(model: plan.model), keepState: false) : nil
        let reports = plan.model.reports.count
        var start = 0, failed = false
        while start < reports {
            // Whole reports, about `window` documents.
            var end = start, documents = 0
            while end < reports && (end == start || documents < window) {
                documents += 1 + plan.model.reports[end].topics.count
                end += 1
            }
            plan.renderBodies(of: start..<end)
            // Once a report has an error of its own (an indicator quote not in its text, a file changed) or a link
            // known to be broken already (to a page that does not exist, an anchor of a report rendered so far), the
            // build will fail: the other bodies are still rendered, for all the errors the end reports, but nothing
            // more is made.
            failed = failed || plan.hasErrors(in: start..<end) || (start..<end).contains { r in
                SiteChecker().linksHaveErrors(plan.model.reports[r], in: plan.model) { url in
                    guard let slash = url.firstIndex(of: "/"), let i = plan.model.reportIndex[String(url[..<slash])] else { return false }
                    return i >= end
                }
            }
            if failed {
                plan.releaseBodies(of: start..<end)
                start = end
                continue
            }
            do {
                // Every copy of the model made here is gone before the bodies are let go (no copy on write).
                let model = plan.model
                let ids = Set(model.reports[start..<end].map(\.metadata.id))
                var extras = PageExtras()
                IndicatorViews(model: model, options: options).apply(to: &extras, only: ids).forEach(emit)
                let builder = PageContextBuilder(model: model, options: options, extras: extras)
                // Taken out as they are made: the model keeps its own list of pages for the checks.
                renderPages(model.reports[start..<end].flatMap { pagesOfReport.removeValue(forKey: $0.metadata.id) ?? [] }, builder: builder)
                index?.add(documents, from: model, emit: emit)
            }
            plan.releaseBodies(of: start..<end)
            start = end
        }
        if failed { return missing }
        var extras = PageExtras()
        extras.searchShards = index?.finish(emit: emit).shards
        // The index's lists are let go before the last pages: the home page and site map show every report's and
        // topic's title (no body; the home page also the newest report's opening), and a large site's are rendered
        // by Mustache directly, whose values are many; they are made when the least is held.
        index = nil
        renderPages(sitePages, builder: PageContextBuilder(model: plan.model, options: options, extras: extras))
        Self.emitFeedsAndAssets(of: plan.model, emit: emit)
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

    /// The feeds (`feed.xml`, `sitemap.xml`, `robots.txt`) and the static files, handed to `emit`.
    private static func emitFeedsAndAssets(of model: SiteModel, emit: (OutputFile) -> Void) {
        SiteFeeds(model: model).files().forEach(emit)
        for file in model.staticFiles {
            emit(OutputFile(path: file.outputPath, bytes: file.bytes, kind: .asset))
        }
    }

    /// The errors for pages whose kind has no template.
    static func noTemplate(_ pages: [PageModel]) -> [Diagnostic] {
        pages.map { page in
            Diagnostic.error(BuildText.noTemplateForKind(["kind": page.kind.rawValue]), at: SourceLocation(path: "theme/templates/\(page.kind.rawValue).mustache", line: 1, column: 1))
        }
    }

    /// Search documents a window of `stream` aims at by default: about what the index merges at once.
    static let documentsPerWindow = 640

    /// Renders pages of one report (what an incremental rebuild redoes: `only` those for which it returns true),
    /// with the report's open-data files.
    func renderReport(_ id: String, of model: SiteModel, searchShards: Int?, only: (PageModel) -> Bool = { _ in true }) -> [OutputFile]? {
        var extras = PageExtras()
        guard model.report(id) != nil else { return nil }
        let dataFiles = IndicatorViews(model: model, options: options).apply(to: &extras, only: [id])
        extras.searchShards = searchShards
        let builder = PageContextBuilder(model: model, options: options, extras: extras)
        let pages = model.pages.filter { $0.reportID == id && only($0) }
        let rendered: [OutputFile?] = ParallelMap.map(pages) { Self.render($0, theme: model.theme, builder: builder) }
        let files = rendered.compactMap { $0 }
        return files.count == pages.count ? files + dataFiles : nil
    }

    /// One page through its kind's template (`404` for the not-found page); nil when the theme has no such template.
    private static func render(_ page: PageModel, theme: Theme, builder: PageContextBuilder) -> OutputFile? {
        let template = page.kind == .notFound ? "404" : page.kind.rawValue
        guard let html = theme.renderUTF8(template, values: builder.context(for: page)) else { return nil }
        return OutputFile(path: page.outputPath, bytes: html, kind: page.kind, title: page.title, reportID: page.reportID)
    }
}
