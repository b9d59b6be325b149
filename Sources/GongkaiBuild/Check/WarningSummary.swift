import Foundation
import GongkaiCore

/// What `gongkai build` and `gongkai serve` print about warnings after a build: their number and the first few in
/// the `path:line:col: warning: …` format, then how many more `gongkai check` shows. A rebuild in `serve` prints the
/// number and only the warnings the previous build did not have.
public struct WarningSummary: Sendable {
    /// How many warnings are shown in full.
    public static let shown = 5

    /// The warnings of the build, sorted as `DiagnosticPrinter` sorts them.
    public let warnings: [Diagnostic]

    /// The summary of `diagnostics` (errors and notes are not counted).
    public init(_ diagnostics: [Diagnostic]) {
        warnings = DiagnosticError(diagnostics.filter { $0.severity == .warning }).diagnostics
    }

    /// After a build: `13 warnings:`, the first `shown`, then `… and 8 more: run gongkai check …`; empty without warnings.
    public func text(_ language: Language) -> String {
        guard !warnings.isEmpty else { return "" }
        return Self.count(PublishText.warningCount, warnings.count, language) + "\n" + Self.lines(warnings, language)
    }

    /// After a rebuild of a build whose warnings were `previous`: the number and the warnings that are new; nothing
    /// when there were none before and none now.
    public func text(since previous: WarningSummary, _ language: Language) -> String {
        let before = Set(previous.warnings.map { $0.line(.english) })
        let new = warnings.filter { !before.contains($0.line(.english)) }
        if warnings.isEmpty { return previous.warnings.isEmpty ? "" : PublishText.noWarningsLeft().text(language) + "\n" }
        if new.isEmpty { return Self.count(PublishText.rebuildWarningsNoneNew, warnings.count, language) + "\n" }
        let head = PublishText.rebuildWarningsNew(["count": warnings.count, "_s": warnings.count == 1 ? "" : "s", "new": new.count]).text(language)
        return head + "\n" + Self.lines(new, language)
    }

    /// After a failed build: its errors (and notes) in full, as `DiagnosticPrinter` prints them, then the warnings as
    /// after a good build, so that the publishing checks' warnings do not bury the errors.
    public static func printFailure(_ diagnostics: [Diagnostic], language: Language) {
        DiagnosticPrinter.print(diagnostics.filter { $0.severity != .warning }, language: language)
        write(WarningSummary(diagnostics).text(language))
    }

    /// Writes `text` to standard error, after what standard output holds (so that it follows the summary line).
    public static func write(_ text: String) {
        guard !text.isEmpty else { return }
        fflush(nil)
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func count(_ entry: PublishText, _ n: Int, _ language: Language) -> String {
        entry(["count": n, "_s": n == 1 ? "" : "s"]).text(language)
    }

    /// The first `shown` of `warnings`, one a line, then how many more.
    private static func lines(_ warnings: [Diagnostic], _ language: Language) -> String {
        var text = warnings.prefix(shown).map { $0.line(language) + "\n" }.joined()
        if warnings.count > shown { text += PublishText.moreWarnings(["count": warnings.count - shown]).text(language) + "\n" }
        return text
    }
}
