import Foundation
import GongkaiBuild
import GongkaiServe

/// The warnings `serve` prints after each good build: after the first, their number and the first few; after a
/// rebuild, their number and the ones that are new. Holds the last good build's warnings (builds report one at a time).
final class ServeWarnings: @unchecked Sendable {
    private let lock = NSLock()
    private var last: WarningSummary?

    /// Prints the warnings of `event` (nothing for a failed build: its diagnostics are printed whole).
    func report(_ event: BuildEvent) {
        guard event.succeeded else { return }
        let summary = WarningSummary(event.diagnostics)
        let previous = lock.withLock { () -> WarningSummary? in defer { last = summary }; return last }
        WarningSummary.write(previous.map { summary.text(since: $0, userLanguage) } ?? summary.text(userLanguage))
    }
}
