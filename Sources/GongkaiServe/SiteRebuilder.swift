import Foundation
import GongkaiBuild
import GongkaiCore

/// Builds the site, swaps the served snapshot when the build is good, and tells the open tabs: which URLs
/// changed (`reload`), or what is wrong (`build-error`) while the last good build stays served.
///
/// An edit of one topic's body is rebuilt incrementally (`SiteBuilder.rebuild(after:changing:)`); anything else is a
/// whole build (in memory, on a background thread), where what changed is found by comparing each output file's
/// SHA-256 with the served one, so only tabs showing a changed page (or any page, when a style sheet or script
/// changed) reload. With an output folder (`--write`) every good build is also written there, changed files only.
struct SiteRebuilder: Sendable {
    /// The builder.
    let builder: SiteBuilder
    /// What is served.
    let state: SiteState
    /// The open tabs.
    let hub: ReloadHub
    /// Told about every build.
    let onBuild: @Sendable (BuildEvent) -> Void
    /// With `--write`: the folder kept in step with every good build (only changed files are written).
    var output: URL? = nil
    /// With `--write`: the output folder's lock, held for the server's whole run (no build writes it meanwhile).
    var outputLock: OutputLock? = nil
    /// The last good build, the base of the next incremental one (nil after a failure: then a whole build).
    let last = Locked<SiteBuilder.Result?>(nil)

    /// Builds once and publishes the outcome; `trigger` lists the changed sources (empty for the first build).
    func rebuild(trigger: [String]) async {
        let start = ContinuousClock.now
        let builder = self.builder
        let last = self.last
        let served = state.current.snapshot
        let changed = Self.relative(trigger, to: builder.root)
        let incremental = Locked<[String]?>(nil)
        let output = self.output
        let outputLock = self.outputLock
        let written = Locked<[String]?>(nil)
        let outcome: Swift.Result<(SiteSnapshot, [Diagnostic]), DiagnosticError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                // One edited topic: redo only what it touches (the snapshot is patched); otherwise a whole build.
                // The previous result is taken out of `last` so that the rebuild owns it and changes it in place.
                var taken = changed.isEmpty ? nil : last.withLock { held -> SiteBuilder.Result? in defer { held = nil }; return held }
                if let previous = taken.take(), let quick = builder.rebuild(after: consume previous, changing: changed) {
                    if let output {
                        do throws(DiagnosticError) {
                            let files = (quick.changedPaths ?? []).compactMap { quick.file(at: $0) }
                            let summary = try OutputWriter(destination: output).update(changed: files, removed: quick.removedPaths, lock: outputLock)
                            written.withLock { $0 = summary.written + summary.removed }
                        } catch {
                            // The folder may now differ from the build: the next build is a whole one, which compares every file.
                            continuation.resume(returning: .failure(error))
                            return
                        }
                    }
                    last.withLock { $0 = quick }
                    incremental.withLock { $0 = (quick.changedPaths ?? []) + quick.removedPaths }
                    continuation.resume(returning: .success((served.updating(with: quick), quick.diagnostics)))
                    return
                }
                do throws(DiagnosticError) {
                    let result = try builder.build()
                    if let output {
                        let summary = try OutputWriter(destination: output).write(result.files, lock: outputLock)
                        written.withLock { $0 = summary.written + summary.removed }
                    }
                    last.withLock { $0 = result }
                    continuation.resume(returning: .success((SiteSnapshot(result: result, root: builder.root), result.diagnostics)))
                } catch {
                    last.withLock { $0 = nil }
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        switch outcome {
        case .success(let (snapshot, warnings)):
            let wasFailing = state.current.failure != nil
            let old = state.replace(with: snapshot)
            let changed = incremental.current.map { snapshot.urls(of: $0) } ?? snapshot.changedURLs(since: old)
            if wasFailing || old.isEmpty { await hub.publish(.buildOK) }
            if !changed.isEmpty, !trigger.isEmpty || !old.isEmpty {
                await hub.publish(.reload(paths: changed, all: old.isEmpty || old.basePath != snapshot.basePath))
            }
            let pages = snapshot.pageCount
            onBuild(BuildEvent(succeeded: true, diagnostics: warnings, pages: pages, files: snapshot.fileCount,
                               changedURLs: old.isEmpty ? [] : changed, trigger: trigger, duration: .now - start,
                               written: written.current))
        case .failure(let error):
            state.fail(error.diagnostics)
            await hub.publish(.buildError(error.diagnostics.filter { $0.severity == .error }))
            onBuild(BuildEvent(succeeded: false, diagnostics: error.diagnostics, pages: 0, files: 0, changedURLs: [],
                               trigger: trigger, duration: .now - start))
        }
    }

    /// Changed paths relative to the site root (`content/r/01.md`); paths outside it are dropped.
    static func relative(_ paths: [String], to root: URL) -> [String] {
        let prefix = root.standardizedFileURL.path + "/"
        var seen = Set<String>()
        return paths.compactMap { path in
            let standard = URL(fileURLWithPath: path).standardizedFileURL.path
            guard standard.hasPrefix(prefix) else { return nil }
            let relative = String(standard.dropFirst(prefix.count))
            return seen.insert(relative).inserted ? relative : nil
        }
    }
}
