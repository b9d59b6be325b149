import Foundation
import GongkaiBuild
import GongkaiCore

/// Builds the site, swaps the served snapshot when the build is good, and tells the open tabs: which URLs
/// changed (`reload`), or what is wrong (`build-error`) while the last good build stays served.
///
/// Every build is a whole build (`SiteBuilder.build()`, in memory, on a background thread); what changed is found
/// by comparing each output file's SHA-256 with the served one, so only tabs showing a changed page (or any
/// page, when a style sheet or script changed) reload.
struct SiteRebuilder: Sendable {
    /// The builder.
    let builder: SiteBuilder
    /// What is served.
    let state: SiteState
    /// The open tabs.
    let hub: ReloadHub
    /// Told about every build.
    let onBuild: @Sendable (BuildEvent) -> Void

    /// Builds once and publishes the outcome; `trigger` lists the changed sources (empty for the first build).
    func rebuild(trigger: [String]) async {
        let start = ContinuousClock.now
        let builder = self.builder
        let outcome: Swift.Result<(SiteSnapshot, [Diagnostic]), DiagnosticError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                do throws(DiagnosticError) {
                    let result = try builder.build()
                    continuation.resume(returning: .success((SiteSnapshot(result: result, root: builder.root), result.diagnostics)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        switch outcome {
        case .success(let (snapshot, warnings)):
            let wasFailing = state.current.failure != nil
            let old = state.replace(with: snapshot)
            let changed = snapshot.changedURLs(since: old)
            if wasFailing || old.isEmpty { await hub.publish(.buildOK) }
            if !changed.isEmpty, !trigger.isEmpty || !old.isEmpty {
                await hub.publish(.reload(paths: changed, all: old.isEmpty || old.basePath != snapshot.basePath))
            }
            let pages = snapshot.files.keys.filter { $0.hasSuffix(".html") }.count
            onBuild(BuildEvent(succeeded: true, diagnostics: warnings, pages: pages, files: snapshot.files.count,
                               changedURLs: old.isEmpty ? [] : changed, trigger: trigger, duration: .now - start))
        case .failure(let error):
            state.fail(error.diagnostics)
            await hub.publish(.buildError(error.diagnostics.filter { $0.severity == .error }))
            onBuild(BuildEvent(succeeded: false, diagnostics: error.diagnostics, pages: 0, files: 0, changedURLs: [],
                               trigger: trigger, duration: .now - start))
        }
    }
}
