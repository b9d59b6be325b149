import Foundation
import GongkaiBuild

/// Shows `rendering N/M pages` on standard error when it is a terminal and the build has run for over a second;
/// silent otherwise (in CI, pipes and files).
final class TerminalProgress: @unchecked Sendable {
    private let start = Date()
    private let lock = NSLock()
    private var shown = false
    private let enabled = isatty(STDERR_FILENO) == 1

    /// The progress receiver to hand to the builder.
    var receiver: BuildProgress {
        BuildProgress { [self] done, total in
            guard enabled, Date().timeIntervalSince(start) > 1 else { return }
            lock.withLock {
                shown = true
                FileHandle.standardError.write(Data("\rrendering \(done)/\(total) pages".utf8))
            }
        }
    }

    /// Clears the progress line, if one was shown.
    func finish() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
