import Foundation
import GongkaiCore
import GongkaiIndicators
import GongkaiSearch

/// Builds a site: load → assemble → render → check, then (separately) write. Each stage returns a new value;
/// nothing is shared between builds, so tests may run many at once.
public struct SiteBuilder: Sendable {
    /// The finished, checked site, still in memory.
    public struct Result: Sendable {
        /// The site model.
        public var model: SiteModel
        /// Every output file, the manifest included, sorted by path.
        public var files: [OutputFile]
        /// The manifest.
        public var manifest: Manifest
        /// Warnings (and notes) collected on the way.
        public var diagnostics: [Diagnostic]
        /// The search index's state, kept for incremental rebuilds (only when the builder keeps state).
        public var search: SearchIndexState?
        /// Paths of the files this build changed from the one it was made from (nil: a whole build).
        public var changedPaths: [String]?
        /// Paths removed from the build it was made from.
        public var removedPaths: [String] = []
        /// Each manifest entry's JSON, kept for incremental rebuilds (only when the builder keeps state).
        var manifestChunks: [[UInt8]]?
        /// The text of the manifest's digest, kept for incremental rebuilds (made at the first one).
        var manifestDigestText: ManifestDigestText?

        /// The output file at `path` (binary search: `files` is sorted by path).
        public func file(at path: String) -> OutputFile? {
            let (i, found) = PathSearch.position(of: path, in: files, key: \.path)
            return found ? files[i] : nil
        }
    }

    /// The site root (holding `content/` and `theme/`).
    public let root: URL
    /// Command-line choices.
    public let options: BuildOptions
    /// Run the publishing checks too (what `gongkai check` does).
    public let publishingChecks: Bool
    /// Receives rendering progress.
    public let progress: BuildProgress?
    /// Keep what `rebuild(after:changing:)` needs in each result (the preview server does).
    public let keepsState: Bool
    /// Search documents a streaming build renders at once (`SiteRenderer.stream`); tests make it small.
    var streamWindow = SiteRenderer.documentsPerWindow
    /// Swap a later build's tree in whole (false: replace files in place, as where the output is a mount point; tests).
    var swapsOutput = true

    /// Creates a builder for the site at `root`.
    public init(root: URL, options: BuildOptions = BuildOptions(), publishingChecks: Bool = false, progress: BuildProgress? = nil,
                keepsState: Bool = false) {
        self.root = root
        self.options = options
        self.publishingChecks = publishingChecks
        self.progress = progress
        self.keepsState = keepsState
    }

    /// The site after `changed` (paths below the root) changed since `previous`, redoing only what the change
    /// touches; nil when the change needs a whole build (`build()`). Today that is one topic file whose front
    /// matter stayed the same: the result then equals a whole build's, file for file.
    public func rebuild(after previous: consuming Result, changing changed: [String]) -> Result? {
        var job = IncrementalRebuild(builder: self, previous: previous)
        return job.rebuild(changed: changed)
    }

    /// Runs every stage up to check; throws with all errors found.
    public func build() throws(DiagnosticError) -> Result {
        var timer = StageTimer()
        defer { timer.report() }
        return try build(timer: &timer)
    }

    private func build(timer: inout StageTimer) throws(DiagnosticError) -> Result {
        let model = try loadAndAssemble(timer: &timer)
        var (files, search) = try SiteRenderer(options: options, progress: progress).render(model, keepSearchState: keepsState)
        timer.lap("render")
        let findings = checks(model)
        timer.lap("check")
        let diagnostics = model.diagnostics + findings
        if findings.hasErrors { throw DiagnosticError(diagnostics) }
        files.sort { $0.path < $1.path }
        let manifest = Manifest(files: files, basePath: model.config.basePath)
        timer.lap("hash")
        let chunks = ParallelMap.map(manifest.files, Manifest.entryJSON)
        files.append(OutputFile(path: "manifest.json", bytes: manifest.json(chunks: chunks), kind: .data))
        files.sort { $0.path < $1.path }
        timer.lap("manifest")
        var result = Result(model: model, files: files, manifest: manifest, diagnostics: DiagnosticError(diagnostics).diagnostics, search: search)
        if keepsState { result.manifestChunks = chunks }
        return result
    }

    /// What `write(to:)` did.
    public struct WriteReport: Sendable {
        /// Warnings (and notes).
        public var diagnostics: [Diagnostic]
        /// The manifest written.
        public var manifest: Manifest
        /// What the writer did.
        public var summary: OutputWriter.Summary
        /// HTML pages written or kept.
        public var pages: Int { manifest.files.filter { $0.path.hasSuffix(".html") }.count }
    }

    /// Builds and writes into `destination` (default `public/`), each file as soon as it is rendered: what
    /// `gongkai build` does, holding the sources and the model but never the whole output. Every check runs before
    /// the first file is written, so a failed build leaves `public/` untouched.
    ///
    /// The output folder's lock (`OutputLock`) is taken first: a second build into the same folder fails at once.
    /// The output is written where a failed or stopped build leaves no trace: a first build (no output folder yet)
    /// into a temporary folder that takes its place only once the build succeeded, a later build into a whole new
    /// tree beside it that is swapped with it then (`StreamingOutput`). So the build need not wait for the checks: it renders the bodies a
    /// few reports at a time and writes their pages at once (`SiteRenderer.stream`), and the whole site's HTML is
    /// never held; it checks the site at the end and, when that fails, discards what it wrote, with the same errors
    /// as a build that checks first. (It does check first when a theme shows the search index's shard count on
    /// other pages than the search page, and when two sources claim one URL.)
    public func write(to destination: URL? = nil) throws(DiagnosticError) -> WriteReport {
        var timer = StageTimer()
        defer { timer.report() }
        // One build at a time per output folder, from before its previous manifest is read until the new one is in place.
        let lock = try OutputLock(destination: destination ?? root.appendingPathComponent("public"))
        let published = PublishedReports(destination: destination ?? root.appendingPathComponent("public"))
        // The bodies stay on disk until rendered: the sources of a large site are not all held at once either.
        let loaded = try load(deferBodies: true)
        timer.lap("load")
        var plan = SiteAssembler(fileSystemLinks: options.fileSystemLinks).plan(consume loaded)
        if plan.duplicates.isEmpty, SiteRenderer.canStream(plan.model.theme) {
            let output = try StreamingOutput(lock: lock, basePath: plan.model.config.basePath, swaps: swapsOutput)
            return try stream(&plan, into: output, published: published, timer: &timer)
        }
        let model = try plan.assembled()
        timer.lap("assemble")
        let findings = checks(model)
        timer.lap("check")
        let diagnostics = model.diagnostics + findings + published.dropped(from: model)
        if findings.hasErrors { throw DiagnosticError(diagnostics) }
        let output = try StreamingOutput(lock: lock, basePath: model.config.basePath, swaps: swapsOutput)
        do throws(DiagnosticError) {
            // Handed over: the renderer lets the topics' HTML go while the search index is built.
            _ = try SiteRenderer(options: options, progress: progress).produce(consume model, keepSearchState: false, handOverBodies: true) { output.put($0) }
        } catch {
            output.abandon()
            throw DiagnosticError(diagnostics + error.diagnostics)
        }
        timer.lap("render and write")
        let manifest = output.manifest()
        let summary = try output.finish(manifest)
        timer.lap("manifest")
        return WriteReport(diagnostics: DiagnosticError(diagnostics).diagnostics, manifest: manifest, summary: summary)
    }

    /// `write(to:)`, streaming: bodies, pages and search index a few reports at a time into `output` (a temporary
    /// or staging folder), then the checks; any error discards what was written. The errors are those the other way
    /// gives, in its order: the assembler's, then the checker's, then pages without a template.
    private func stream(_ plan: inout AssemblyPlan, into output: StreamingOutput, published: PublishedReports,
                        timer: inout StageTimer) throws(DiagnosticError) -> WriteReport {
        let missing = SiteRenderer(options: options, progress: progress).stream(&plan, window: streamWindow) { output.put($0) }
        timer.lap("assemble, render and write")
        let assembled = plan.diagnostics()
        if assembled.hasErrors { output.abandon(); throw DiagnosticError(assembled) }
        plan.model.diagnostics = assembled
        let findings = checks(plan.model)
        timer.lap("check")
        let diagnostics = assembled + findings + published.dropped(from: plan.model)
        if findings.hasErrors { output.abandon(); throw DiagnosticError(diagnostics) }
        if !missing.isEmpty { output.abandon(); throw DiagnosticError(diagnostics + SiteRenderer.noTemplate(missing)) }
        let manifest = output.manifest()
        let summary = try output.finish(manifest)
        timer.lap("manifest")
        return WriteReport(diagnostics: DiagnosticError(diagnostics).diagnostics, manifest: manifest, summary: summary)
    }

    /// Stages 1 and 2: the sources (with `--base-url` applied) and the site model made from them. The loaded
    /// sources live only inside this function: the model is all that is kept.
    private func loadAndAssemble(timer: inout StageTimer) throws(DiagnosticError) -> SiteModel {
        let loaded = try load()
        timer.lap("load")
        // Handed over, not copied: the assembler lets each Markdown text go once it is rendered.
        let model = try SiteAssembler(fileSystemLinks: options.fileSystemLinks).assemble(consume loaded)
        timer.lap("assemble")
        return model
    }

    /// Stage 1: the sources, with `--base-url` applied.
    private func load(deferBodies: Bool = false) throws(DiagnosticError) -> LoadedSite {
        var loaded = try SiteLoader(root: root, deferBodies: deferBodies).load()
        if let base = options.baseURL { loaded.config.baseURL = base.hasSuffix("/") ? base : base + "/" }
        if !options.reuseTemplateOutput { loaded.theme.allowsSkeletons = false }
        return loaded
    }

    /// The checker's findings, with the indicator audit when publishing checks are on.
    private func checks(_ model: SiteModel) -> [Diagnostic] {
        var findings = SiteChecker(publishing: publishingChecks).check(model)
        if publishingChecks {
            // The audit recomputes declared derivations; public pages always show figures as published.
            for report in model.reports where !report.indicators.isEmpty {
                findings += IndicatorAudit.run(report.indicators, path: report.indicatorsFile?.path ?? "content/\(report.metadata.id)/indicators.yaml")
            }
        }
        return findings
    }

    /// Builds and writes into `destination` (default `public/` under the root). `public/` is touched only when
    /// the build succeeded.
    public func buildAndWrite(to destination: URL? = nil) throws(DiagnosticError) -> (Result, OutputWriter.Summary) {
        var timer = StageTimer()
        defer { timer.report() }
        let result = try build(timer: &timer)
        let summary = try OutputWriter(destination: destination ?? root.appendingPathComponent("public")).write(result.files)
        timer.lap("write")
        return (result, summary)
    }
}
