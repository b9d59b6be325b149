import GongkaiCore
import GongkaiIndicators
import GongkaiSearch
import Markdown

/// The one pipeline every command runs: an assembled site (`AssembledSite`: the structure, known whole before
/// anything is rendered) → bodies, a few reports at a time (`BodyRenderer`) → their pages, open data and search
/// documents (`SiteRenderer`, `SiteSearchJob`) → the pages of no report, the index's shards, feeds and static files →
/// check (`SiteChecker`, on the compact `ReportFacts` the bodies left: each window's reports as they are rendered, the
/// links to later reports and the site-wide checks alongside the last stage) — each file handed to the output as
/// soon as it is made (the output hashes it for the manifest as it takes it). `build` (in memory), `gongkai build` (streamed to disk), `check` and `serve` differ only in the output
/// they give it; the incremental rebuild runs the same body and render stages on one report (`IncrementalRebuild`).
///
/// A window's bodies are a value that lives only while its pages are made: the whole site's HTML is never held.
/// Once a report has an error of its own, or a link already known to be broken, nothing more is made (the other
/// bodies are still rendered, so that every error is reported) and the caller discards what was.
struct SitePipeline: Sendable {
    /// Build options.
    let options: BuildOptions
    /// Run the publishing checks and the indicator audit too.
    let publishingChecks: Bool
    /// Receives rendering progress.
    let progress: BuildProgress?
    /// Search documents a window aims at (whole reports).
    var window = SiteRenderer.documentsPerWindow
    /// Keep the search index's state for incremental rebuilds.
    var keepSearchState = false

    /// What a run found and kept.
    struct Run: Sendable {
        /// Every diagnostic, in the order they are reported; the build failed when there is an error among them.
        var diagnostics: [Diagnostic]
        /// What the checks need of each report's bodies, by position (every report's bodies are rendered, even when
        /// the build fails).
        var facts: [ReportFacts]
        /// The search index's state (with `keepSearchState`).
        var search: SearchIndexState?
        /// The index's shard count (nil without search).
        var searchShards: Int?
        /// Whether the build failed.
        var failed: Bool { diagnostics.hasErrors }
    }

    /// Runs every stage after assembly over `site`, putting each file into `output`.
    func run(_ site: AssembledSite, into output: some SiteOutput) -> Run {
        let model = site.model
        let emit: @Sendable (OutputFile) -> Void = { output.put($0) }
        let renderer = SiteRenderer(options: options, progress: progress)
        let counter = ProgressCounter(total: model.pages.count, progress: progress)
        var pagesOfReport: [String: [PageModel]] = [:]
        var sitePages: [PageModel] = []
        for page in model.pages {
            if let id = page.reportID { pagesOfReport[id, default: []].append(page) } else { sitePages.append(page) }
        }
        // A theme that shows the index's shard count on report pages has the whole index made first, from every body.
        let indexFirst = model.config.search && !SiteRenderer.canStream(model.theme)
        var index = model.config.search ? SiteSearchJob(SearchIndexBuilder(model: model), keepState: keepSearchState) : nil
        var shards: Int?
        var indexState: SearchIndexState?
        var facts = [ReportFacts?](repeating: nil, count: model.reports.count)
        var found = [[Diagnostic]](repeating: [], count: model.reports.count)
        var openings: [String: RenderedMarkdown] = [:]
        var missing: [PageModel] = []
        let checker = SiteChecker(publishing: publishingChecks)
        let directory = AnchorDirectory(model)
        var checked = [ReportFindings](repeating: ReportFindings(metadata: [], bodies: [], unsettled: []), count: model.reports.count)
        var failed = site.hasErrors
        let reports = model.reports.count
        var start = 0
        while start < reports {
            // Whole reports, about `window` documents (all of them when the index comes first).
            var end = start, documents = 0
            while end < reports && (end == start || documents < window || indexFirst) {
                documents += 1 + model.reports[end].topics.count
                end += 1
            }
            let rendered = site.bodies.render(site, positions: start..<end)
            for report in rendered {
                facts[report.position] = report.facts
                found[report.position] = report.diagnostics
                if let opening = report.bodies.opening { openings[model.reports[report.position].metadata.id] = opening }
            }
            // The window's reports are checked now, with the facts known so far (links to later reports are checked
            // again at the end).
            let known = facts
            let windowFindings = ParallelMap.map(Array(start..<end)) { r in checker.reportFindings(r, in: model, facts: known, directory: directory) }
            for (i, r) in (start..<end).enumerated() { checked[r] = windowFindings[i] }
            failed = failed || rendered.contains { $0.diagnostics.hasErrors } || windowFindings.contains { $0.hasErrors }
            if !failed {
                if indexFirst, var job = index {
                    job.add(rendered.map(\.bodies), of: model, emit: emit)
                    let finished = job.finish(emit: emit)
                    shards = finished.shards
                    index = nil
                    indexState = finished.state
                }
                let pages = rendered.flatMap { pagesOfReport.removeValue(forKey: model.reports[$0.position].metadata.id) ?? [] }
                missing += renderer.renderReports(rendered, pages: pages, of: model, searchShards: shards, counter: counter, emit: emit)
                index?.add(rendered.map(\.bodies), of: model, emit: emit)
            }
            start = end
        }
        // Every body is rendered: the facts are complete, and the checks run alongside the last stage (the index's
        // shards, the pages of no report, feeds and static files), which reads none of them.
        let known = facts.compactMap { $0 }
        let windows = checked, allFacts = facts
        let checking = failed ? nil : BackgroundTask { [self] in
            let settled = ParallelMap.map(Array(model.reports.indices)) { r in
                checker.settle(windows[r], report: r, in: model, facts: allFacts, directory: directory)
            }
            return settled.flatMap { $0 } + checker.siteFindings(model) + audit(model)
        }
        var state: SearchIndexState? = indexState
        // The index's shards and the home page and site map are the largest values made, on top of what the windows
        // freed and the allocator still holds: from here to their end, what is freed goes back at once.
        let returnsFreedMemory = options.returnFreedMemoryForLastStage && !failed
        if returnsFreedMemory { FreedMemory.returnAtOnce() }
        if !failed {
            if let job = index {
                let finished = job.finish(emit: emit)
                shards = finished.shards
                state = finished.state
            }
            // The index's lists are let go before the last pages (the home page and site map show every report's and
            // topic's title, and a large site's are many values): they are made when the least is held.
            index = nil
            missing += renderer.renderSite(sitePages, of: model, openings: openings, searchShards: shards, counter: counter, emit: emit)
            // The rest (checks, manifest) frees little at a time: the allocator's default is faster there.
            if returnsFreedMemory { FreedMemory.keepAgain() }
        }
        let assembled = site.diagnostics(adding: found)
        if assembled.hasErrors { return Run(diagnostics: assembled, facts: known, search: nil, searchShards: nil) }
        let findings = checking?.value() ?? checks(model, facts: known)
        var diagnostics = assembled + findings
        if !findings.hasErrors { diagnostics += SiteRenderer.noTemplate(missing) }
        return Run(diagnostics: diagnostics, facts: known, search: state, searchShards: shards)
    }

    /// The checker's findings, with the indicator audit when publishing checks are on.
    func checks(_ model: SiteModel, facts: [ReportFacts]) -> [Diagnostic] {
        SiteChecker(publishing: publishingChecks).check(model, facts: facts) + audit(model)
    }

    /// The indicator audit, when publishing checks are on: it recomputes declared derivations (public pages always
    /// show figures as published).
    private func audit(_ model: SiteModel) -> [Diagnostic] {
        guard publishingChecks else { return [] }
        return model.reports.filter { !$0.indicators.isEmpty }.flatMap { report in
            IndicatorAudit.run(report.indicators, path: report.indicatorsFile?.path ?? "content/\(report.metadata.id)/indicators.yaml")
        }
    }
}
