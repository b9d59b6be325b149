import Foundation
import GongkaiCore
import GongkaiIndicators

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
    }

    /// The site root (holding `content/` and `theme/`).
    public let root: URL
    /// Command-line choices.
    public let options: BuildOptions
    /// Run the publishing checks too (what `gongkai check` does).
    public let publishingChecks: Bool
    /// Receives rendering progress.
    public let progress: BuildProgress?

    /// Creates a builder for the site at `root`.
    public init(root: URL, options: BuildOptions = BuildOptions(), publishingChecks: Bool = false, progress: BuildProgress? = nil) {
        self.root = root
        self.options = options
        self.publishingChecks = publishingChecks
        self.progress = progress
    }

    /// Runs every stage up to check; throws with all errors found.
    public func build() throws(DiagnosticError) -> Result {
        var timer = StageTimer()
        defer { timer.report() }
        return try build(timer: &timer)
    }

    private func build(timer: inout StageTimer) throws(DiagnosticError) -> Result {
        var loaded = try SiteLoader(root: root).load()
        if let base = options.baseURL { loaded.config.baseURL = base.hasSuffix("/") ? base : base + "/" }
        timer.lap("load")
        let model = try SiteAssembler().assemble(loaded)
        timer.lap("assemble")
        var files = try SiteRenderer(options: options, progress: progress).render(model)
        timer.lap("render")
        var findings = SiteChecker(publishing: publishingChecks).check(model)
        timer.lap("check")
        if publishingChecks {
            // The audit recomputes declared derivations; public pages always show figures as published.
            for report in model.reports where !report.indicators.isEmpty {
                findings += IndicatorAudit.run(report.indicators, path: report.indicatorsFile?.path ?? "content/\(report.metadata.id)/indicators.yaml")
            }
        }
        let diagnostics = model.diagnostics + findings
        if findings.hasErrors { throw DiagnosticError(diagnostics) }
        files.sort { $0.path < $1.path }
        let manifest = Manifest(files: files, basePath: model.config.basePath)
        timer.lap("hash")
        files.append(OutputFile(path: "manifest.json", bytes: manifest.json(), kind: .data))
        files.sort { $0.path < $1.path }
        timer.lap("manifest")
        return Result(model: model, files: files, manifest: manifest, diagnostics: DiagnosticError(diagnostics).diagnostics)
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
