import Foundation
import GongkaiCore
import GongkaiIndicators
import GongkaiSearch

/// Builds a site through the one pipeline: load → assemble → (bodies → pages, search, a few reports at a time) →
/// check → write (`SitePipeline`). The commands differ only in the output the pipeline fills: `build()` keeps the
/// files in memory, `write(to:)` streams them to disk, `rebuild(after:changing:)` redoes one report. Each stage returns
/// a new value; nothing is shared between builds, so tests may run many at once.
public struct SiteBuilder: Sendable {
    /// The finished, checked site, in memory.
    public struct Result: Sendable {
        /// The site's structure.
        public var model: SiteModel { state.model }
        /// Every output file, the manifest included, sorted by path.
        public var files: [OutputFile]
        /// The manifest.
        public var manifest: Manifest { state.manifest }
        /// Warnings (and notes) collected on the way.
        public var diagnostics: [Diagnostic] { state.diagnostics }
        /// Paths of the files this build changed from the one it was made from (nil: a whole build).
        public var changedPaths: [String]?
        /// Paths removed from the build it was made from.
        public var removedPaths: [String] = []
        /// What the next incremental rebuild starts from.
        public internal(set) var state: RebuildState

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
    /// Search documents the pipeline renders at once; tests make it small.
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
        var files = previous.files
        previous.files = []
        guard let update = IncrementalRebuild(builder: self, previous: previous.state).rebuild(changed: changed) else { return nil }
        for file in update.files { PathSearch.upsert(file, into: &files, key: \.path) }
        for path in update.removedPaths { PathSearch.remove(path, from: &files, key: \.path) }
        return Result(files: files, changedPaths: update.changedPaths, removedPaths: update.removedPaths, state: update.state)
    }

    /// `rebuild(after:changing:)` for a site written to `folder` (by `write(to:)` of a builder that `keepsState`): the changed files
    /// are written there in place, each through a temporary file, the manifest last (`OutputWriter.update`); nil
    /// when the change needs a whole build.
    public func rebuild(after previous: consuming RebuildState, changing changed: [String], in folder: URL,
                        lock: OutputLock? = nil) throws(DiagnosticError) -> IncrementalUpdate? {
        guard let update = IncrementalRebuild(builder: self, previous: previous).rebuild(changed: changed) else { return nil }
        if !update.files.isEmpty || !update.removedPaths.isEmpty {
            _ = try OutputWriter(destination: folder).update(changed: update.files, removed: update.removedPaths, lock: lock)
        }
        return update
    }

    /// Runs every stage, keeping the output in memory; throws with all errors found.
    public func build() throws(DiagnosticError) -> Result {
        var timer = StageTimer()
        defer { timer.report() }
        let output = MemoryOutput()
        let site = try assemble(timer: &timer)
        let state = try run(site, into: output, keepingState: keepsState, timer: &timer)
        var files = output.files()
        let manifest = Manifest(files: files, basePath: state.model.config.basePath)
        timer.lap("hash")
        let chunks = ParallelMap.map(manifest.files, Manifest.entryJSON)
        PathSearch.upsert(OutputFile(path: "manifest.json", bytes: manifest.json(chunks: chunks), kind: .data), into: &files, key: \.path)
        timer.lap("manifest")
        var kept = state
        kept.manifest = manifest
        kept.manifestChunks = chunks
        return Result(files: files, state: kept)
    }

    /// What `gongkai check` does: the pipeline into an output that keeps of each file only what the output link
    /// check reads (`OutputLinkCollector`), then that check (every internal link and anchor of the HTML, every page
    /// reachable from the home page); throws when the build itself fails. Writes nothing.
    public func check() throws(DiagnosticError) -> [Diagnostic] {
        var timer = StageTimer()
        defer { timer.report() }
        let site = try assemble(timer: &timer)
        let output = OutputLinkCollector()
        let state = try run(site, into: output, keepingState: false, timer: &timer)
        let findings = OutputLinkChecker(basePath: site.model.config.basePath).check(pages: output.pages(), theme: site.model.theme)
        timer.lap("output links")
        return state.diagnostics + findings
    }

    /// Stages 1 and 2: the sources (with `--base-url` applied) and the site's structure.
    private func assemble(timer: inout StageTimer) throws(DiagnosticError) -> AssembledSite {
        let loaded = try load()
        timer.lap("load")
        let site = SiteAssembler(fileSystemLinks: options.fileSystemLinks).assemble(loaded)
        timer.lap("assemble")
        return site
    }

    /// The pipeline over `site` into `output`; throws with every diagnostic when the build failed. `extra` adds
    /// warnings of the caller's (reports removed since the last build). The state's manifest is empty: the caller
    /// makes it from what the output holds.
    private func run(_ site: AssembledSite, into output: some SiteOutput, keepingState: Bool, timer: inout StageTimer,
                     extra: (SiteModel) -> [Diagnostic] = { _ in [] }) throws(DiagnosticError) -> RebuildState {
        var pipeline = SitePipeline(options: options, publishingChecks: publishingChecks, progress: progress)
        pipeline.window = streamWindow
        pipeline.keepSearchState = keepingState
        let run = pipeline.run(site, into: output)
        timer.lap("bodies, pages, search, check")
        if run.failed { throw DiagnosticError(run.diagnostics + extra(site.model)) }
        return RebuildState(site: site, facts: run.facts, search: run.search, manifest: Manifest(files: [], basePath: site.model.config.basePath),
                            diagnostics: DiagnosticError(run.diagnostics + extra(site.model)).diagnostics)
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
        /// What an incremental rebuild of the folder starts from (when the builder `keepsState`).
        public var state: RebuildState?
    }

    /// Builds and writes into `destination` (default `public/`), each file as soon as it is made: what `gongkai
    /// build` does, holding the structure and a few reports' bodies but never the whole output.
    ///
    /// The output folder's lock (`OutputLock`) is taken first: a second build into the same folder fails at once.
    /// The output is written where a failed or stopped build leaves no trace: a first build (no output folder yet)
    /// into a temporary folder that takes its place only once the build succeeded, a later build into a whole new
    /// tree beside it that is swapped with it then (`StreamingOutput`). The checks end the pipeline: when they fail,
    /// what was written is discarded and `public/` is as it was. A builder that `keepsState` returns what
    /// `rebuild(after:changing:in:)` needs with the report.
    ///
    /// `lock`: the folder's lock when the caller holds it already (the preview server holds its folder's for its
    /// whole run); it must be the lock of `destination`.
    public func write(to destination: URL? = nil, holding lock: OutputLock? = nil) throws(DiagnosticError) -> WriteReport {
        let (report, state) = try writeKeepingState(to: destination, keepingState: keepsState, also: nil, holding: lock)
        var kept = report
        if keepsState { kept.state = state }
        return kept
    }

    /// `write(to:)`, returning the state too (its search state only with `keepingState`).
    private func writeKeepingState(to destination: URL?, keepingState: Bool, also copy: MemoryOutput?,
                                   holding held: OutputLock? = nil) throws(DiagnosticError) -> (WriteReport, RebuildState) {
        var timer = StageTimer()
        defer { timer.report() }
        let folder = destination ?? root.appendingPathComponent("public")
        // A site that does not load touches nothing beside its sources, not even the lock file.
        let site = try assemble(timer: &timer)
        // One build at a time per output folder, from before its previous manifest is read until the new one is in place.
        let lock: OutputLock
        if let held { lock = held } else { lock = try OutputLock(destination: folder) }
        let published = PublishedReports(destination: folder)
        let output = try StreamingOutput(lock: lock, basePath: site.model.config.basePath, swaps: swapsOutput)
        var state: RebuildState
        do throws(DiagnosticError) {
            if let copy {
                state = try run(site, into: TeeOutput(first: output, second: copy), keepingState: keepingState, timer: &timer, extra: published.dropped)
            } else {
                state = try run(site, into: output, keepingState: keepingState, timer: &timer, extra: published.dropped)
            }
        } catch {
            output.abandon()
            throw error
        }
        let manifest = output.manifest()
        let summary = try output.finish(manifest)
        timer.lap("manifest")
        state.manifest = manifest
        return (WriteReport(diagnostics: state.diagnostics, manifest: manifest, summary: summary), state)
    }

    /// Stage 1: the sources, with `--base-url` applied. The bodies stay on disk until the body stage reads them.
    private func load() throws(DiagnosticError) -> LoadedSite {
        var loaded = try SiteLoader(root: root, deferBodies: true).load()
        if let base = options.baseURL { loaded.config.baseURL = base.hasSuffix("/") ? base : base + "/" }
        if !options.reuseTemplateOutput { loaded.theme.allowsSkeletons = false }
        return loaded
    }

    /// Builds and writes into `destination` (default `public/` under the root) exactly as `write(to:)` does, keeping
    /// a copy of every file in memory too (what tests read). `public/` is touched only when the build succeeded.
    public func buildAndWrite(to destination: URL? = nil) throws(DiagnosticError) -> (Result, OutputWriter.Summary) {
        let copy = MemoryOutput()
        let (report, kept) = try writeKeepingState(to: destination, keepingState: keepsState, also: copy)
        var files = copy.files()
        var state = kept
        let chunks = ParallelMap.map(report.manifest.files, Manifest.entryJSON)
        PathSearch.upsert(OutputFile(path: "manifest.json", bytes: report.manifest.json(chunks: chunks), kind: .data), into: &files, key: \.path)
        state.manifestChunks = chunks
        return (Result(files: files, state: state), report.summary)
    }
}
