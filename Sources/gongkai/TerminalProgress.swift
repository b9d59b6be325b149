import Foundation
import GongkaiBuild
import GongkaiCore

/// Shows `rendering N/M pages` on standard error when it is a terminal and the build has run for over a second;
/// silent otherwise (in CI, pipes and files).
final class TerminalProgress: @unchecked Sendable {
    private let start = Date()
    private let lock = NSLock()
    private var shown = false
    private let enabled = isatty(STDERR_FILENO) == 1
    private let language: Language

    /// A progress line in `language`.
    init(language: Language) {
        self.language = language
    }

    /// The progress receiver to hand to the builder.
    var receiver: BuildProgress {
        BuildProgress { [self] done, total in
            guard enabled, Date().timeIntervalSince(start) > 1 else { return }
            let line = CLIText.rendering(["done": done, "total": total]).text(language)
            lock.withLock {
                shown = true
                FileHandle.standardError.write(Data("\r\(line)".utf8))
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
