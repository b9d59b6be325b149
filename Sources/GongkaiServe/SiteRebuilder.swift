import Foundation
import GongkaiBuild
import GongkaiCore

/// Builds the site into its folder, swaps the served snapshot when the build is good, and tells the open tabs:
/// which URLs changed (`reload`), or what is wrong (`build-error`) while the last good build stays served.
///
/// A whole build streams its files into `folder` (`SiteBuilder.write(to:holding:)`, as `gongkai build` does: the
/// first build into a temporary folder renamed into place, later ones into a staged tree swapped in whole, files whose
/// bytes did not change carried over); what changed is found by comparing each file's SHA-256 in the new manifest
/// with the served one. An edit of one topic's body is rebuilt incrementally from the last build's state
/// (`SiteBuilder.rebuild(after:changing:in:lock:)`, which writes the changed files into the folder), and the
/// snapshot is patched with them. Either way only tabs showing a changed page (or any page, when a style sheet or
/// script changed) reload, and the server holds the manifest's hashes and the build's state, never the files.
struct SiteRebuilder: Sendable {
    /// The builder (it keeps the state incremental rebuilds start from).
    let builder: SiteBuilder
    /// What is served.
    let state: SiteState
    /// The open tabs.
    let hub: ReloadHub
    /// Told about every build.
    let onBuild: @Sendable (BuildEvent) -> Void
    /// The lock of the folder every good build is written into and served from (the server's cache folder, or
    /// with `--write` the output folder), held for the server's whole run and passed to each build.
    let lock: OutputLock
    /// Report the files written (`--write`: the console line says how many).
    var reportsWritten = false
    /// The last good build's state, the base of the next incremental one (nil after a failure: then a whole build).
    let last = Locked<RebuildState?>(nil)

    /// The folder builds are written into.
    var folder: URL { lock.destination }

    /// What one build gave.
    private struct Built: Sendable {
        var snapshot: SiteSnapshot
        var warnings: [Diagnostic]
        var written: [String]
        /// For an incremental build, the paths it changed and removed (the URLs to reload); nil for a whole build.
        var incremental: [String]?
    }

    /// Builds once and publishes the outcome; `trigger` lists the changed sources (empty for the first build).
    func rebuild(trigger: [String]) async {
        let start = ContinuousClock.now
        let builder = self.builder
        let last = self.last
        let lock = self.lock
        let folder = self.folder
        let served = state.current.snapshot
        let changed = Self.relative(trigger, to: builder.root)
        let outcome: Swift.Result<Built, DiagnosticError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                // One edited topic: redo only what it touches; the previous state is taken out of `last` so that
                // the rebuild owns it. When it cannot (nil) or writing failed (the folder removed by hand …), a whole build.
                var taken = changed.isEmpty || served.isEmpty ? nil : last.withLock { held -> RebuildState? in defer { held = nil }; return held }
                if let previous = taken.take(),
                   let update = try? builder.rebuild(after: consume previous, changing: changed, in: folder, lock: lock) {
                    last.withLock { $0 = update.state }
                    let files = Self.served(update, root: builder.root)
                    let removed = update.removedPaths + update.changedPaths.filter { path in !files.contains { $0.path == path } }
                    let snapshot = served.updating(changed: files, removed: removed, folder: folder)
                    let paths = update.changedPaths + update.removedPaths
                    continuation.resume(returning: .success(Built(snapshot: snapshot, warnings: update.state.diagnostics, written: paths,
                                                                  incremental: paths)))
                    return
                }
                do throws(DiagnosticError) {
                    let report = try builder.write(to: folder, holding: lock)
                    last.withLock { $0 = report.state }
                    let snapshot = SiteSnapshot(manifest: report.manifest, folder: folder, root: builder.root)
                    continuation.resume(returning: .success(Built(snapshot: snapshot, warnings: report.diagnostics,
                                                                  written: report.summary.written + report.summary.removed)))
                } catch {
                    last.withLock { $0 = nil }
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        switch outcome {
        case .success(let built):
            let snapshot = built.snapshot
            let wasFailing = state.current.failure != nil
            let old = state.replace(with: snapshot)
            let changed = built.incremental.map { snapshot.urls(of: $0) } ?? snapshot.changedURLs(since: old)
            if wasFailing || old.isEmpty { await hub.publish(.buildOK) }
            if !changed.isEmpty, !trigger.isEmpty || !old.isEmpty {
                await hub.publish(.reload(paths: changed, all: old.isEmpty || old.basePath != snapshot.basePath))
            }
            onBuild(BuildEvent(succeeded: true, diagnostics: built.warnings, pages: snapshot.pageCount, files: snapshot.fileCount,
                               changedURLs: old.isEmpty ? [] : changed, trigger: trigger, duration: .now - start,
                               written: reportsWritten ? built.written : nil))
        case .failure(let error):
            state.fail(error.diagnostics)
            await hub.publish(.buildError(error.diagnostics.filter { $0.severity == .error }))
            onBuild(BuildEvent(succeeded: false, diagnostics: error.diagnostics, pages: 0, files: 0, changedURLs: [],
                               trigger: trigger, duration: .now - start))
        }
    }

    /// The files an incremental build changed, as they are served: each with its new manifest hash (`manifest.json`
    /// tagged by the manifest's digest); static files whose source leads out of the site are left out.
    static func served(_ update: IncrementalUpdate, root: URL) -> [ServedFile] {
        let manifest = update.state.manifest
        var entries: [Manifest.Entry] = []
        var files: [ServedFile] = []
        for path in update.changedPaths {
            if path == "manifest.json" {
                files.append(SiteSnapshot.manifestFile(manifest))
            } else if let entry = manifest.entry(at: path) {
                entries.append(entry)
            }
        }
        return files + SiteSnapshot.served(entries, guardrail: SymlinkGuard(root: root))
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
