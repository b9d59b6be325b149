import GongkaiCore

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
        var extras = PageExtras()
        for report in model.reports {
            extras.fullBodies[report.metadata.id] = report.fullBody
        }
        let dataFiles = IndicatorViews(model: model, options: options).apply(to: &extras)
        // The index comes first: pages carry its shard count, which saves the search page a request.
        let search = model.config.search ? SearchIndexBuilder(model: model).build(keepState: keepSearchState) : nil
        extras.searchShards = search?.shards
        let builder = PageContextBuilder(model: model, options: options, extras: extras)
        let theme = model.theme
        let counter = ProgressCounter(total: model.pages.count, progress: progress)
        let rendered: [OutputFile?] = ParallelMap.map(model.pages) { page in
            defer { counter.tick() }
            let template = page.kind == .notFound ? "404" : page.kind.rawValue
            guard let html = theme.render(template, context: builder.context(for: page)) else { return nil }
            return OutputFile(path: page.outputPath, bytes: Array(html.utf8), kind: page.kind, title: page.title, reportID: page.reportID)
        }
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for (page, file) in zip(model.pages, rendered) {
            if let file { files.append(file) } else {
                diagnostics.append(.error("no template for page kind `\(page.kind.rawValue)`", at: SourceLocation(path: "theme/templates/\(page.kind.rawValue).mustache", line: 1, column: 1)))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        files += SiteFeeds(model: model).files()
        files += dataFiles
        files += search?.files ?? []
        for file in model.staticFiles {
            files.append(OutputFile(path: file.outputPath, bytes: file.bytes, kind: .asset))
        }
        return (files, search?.state)
    }

    /// Renders pages of one report (what an incremental rebuild redoes: `only` those for which it returns true),
    /// with the report's open-data files.
    func renderReport(_ id: String, of model: SiteModel, searchShards: Int?, only: (PageModel) -> Bool = { _ in true }) -> [OutputFile]? {
        var extras = PageExtras()
        guard let report = model.report(id) else { return nil }
        extras.fullBodies[id] = report.fullBody
        let dataFiles = IndicatorViews(model: model, options: options).apply(to: &extras, only: [id])
        extras.searchShards = searchShards
        let builder = PageContextBuilder(model: model, options: options, extras: extras)
        let pages = model.pages.filter { $0.reportID == id && only($0) }
        let rendered: [OutputFile?] = ParallelMap.map(pages) { page in
            guard let html = model.theme.render(page.kind.rawValue, context: builder.context(for: page)) else { return nil }
            return OutputFile(path: page.outputPath, bytes: Array(html.utf8), kind: page.kind, title: page.title, reportID: page.reportID)
        }
        let files = rendered.compactMap { $0 }
        return files.count == pages.count ? files + dataFiles : nil
    }
}
