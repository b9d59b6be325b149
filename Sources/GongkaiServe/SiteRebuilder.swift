import Foundation
import GongkaiBuild
import GongkaiCore

/// Builds the site into its folder, swaps the served snapshot when the build is good, and tells the open tabs:
/// which URLs changed (`reload`), or what is wrong (`build-error`) while the last good build stays served.
///
/// Every build streams its files into `folder` (`SiteBuilder.write(to:)`, as `gongkai build` does: the first build
/// into a temporary folder renamed into place, later ones into a staged tree swapped in whole, files whose bytes did
/// not change carried over). What changed is found by comparing each file's SHA-256 in the new manifest with the
/// served one, so only tabs showing a changed page (or any page, when a style sheet or script changed) reload. The
/// server holds the manifest's hashes only, never the files.
struct SiteRebuilder: Sendable {
    /// The builder.
    let builder: SiteBuilder
    /// What is served.
    let state: SiteState
    /// The open tabs.
    let hub: ReloadHub
    /// Told about every build.
    let onBuild: @Sendable (BuildEvent) -> Void
    /// The folder every good build is written into and served from: the server's cache folder, or with `--write`
    /// the output folder.
    let folder: URL
    /// With `--write`: the output folder's lock, held between builds (so no other build writes the folder meanwhile)
    /// and let go only while a build writes it (`write(to:)` takes the lock itself). Nil without `--write`.
    var outputLock: Locked<OutputLock?>? = nil
    /// Report the files written (`--write`: the console line says how many).
    var reportsWritten = false

    /// Builds once and publishes the outcome; `trigger` lists the changed sources (empty for the first build).
    func rebuild(trigger: [String]) async {
        let start = ContinuousClock.now
        let builder = self.builder
        let folder = self.folder
        let outputLock = self.outputLock
        let outcome: Swift.Result<(SiteSnapshot, [Diagnostic], [String]), DiagnosticError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                // The server's own hold on the output folder goes for the build's time (the build takes the lock
                // itself) and comes back before the outcome is published, so the next build finds it let go again.
                outputLock?.withLock { $0 = nil }
                let outcome: Swift.Result<(SiteSnapshot, [Diagnostic], [String]), DiagnosticError>
                do throws(DiagnosticError) {
                    let report = try builder.write(to: folder)
                    let snapshot = SiteSnapshot(manifest: report.manifest, folder: folder, root: builder.root)
                    outcome = .success((snapshot, report.diagnostics, report.summary.written + report.summary.removed))
                } catch {
                    outcome = .failure(error)
                }
                outputLock?.withLock { $0 = try? OutputLock(destination: folder) }
                continuation.resume(returning: outcome)
            }
        }
        switch outcome {
        case .success(let (snapshot, warnings, written)):
            let wasFailing = state.current.failure != nil
            let old = state.replace(with: snapshot)
            let changed = snapshot.changedURLs(since: old)
            if wasFailing || old.isEmpty { await hub.publish(.buildOK) }
            if !changed.isEmpty, !trigger.isEmpty || !old.isEmpty {
                await hub.publish(.reload(paths: changed, all: old.isEmpty || old.basePath != snapshot.basePath))
            }
            onBuild(BuildEvent(succeeded: true, diagnostics: warnings, pages: snapshot.pageCount, files: snapshot.fileCount,
                               changedURLs: old.isEmpty ? [] : changed, trigger: trigger, duration: .now - start,
                               written: reportsWritten ? written : nil))
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
