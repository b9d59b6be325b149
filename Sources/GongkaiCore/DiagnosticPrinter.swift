import Foundation

/// Prints diagnostics to standard error, one per line, in compiler format, in the user's language.
public enum DiagnosticPrinter {
    /// Prints `diagnostics` (sorted) and a summary line when there is more than one.
    public static func print(_ diagnostics: [Diagnostic], language: Language = .english) {
        FileHandle.standardError.write(Data(text(diagnostics, language: language).utf8))
    }

    /// What `print` writes: one line per diagnostic, then `2 errors, 1 warning` (`2 个错误，1 个警告`) when there
    /// is more than one.
    public static func text(_ diagnostics: [Diagnostic], language: Language) -> String {
        let sorted = DiagnosticError(diagnostics).diagnostics
        var text = sorted.map { "\($0.line(language))\n" }.joined()
        let errors = sorted.filter { $0.severity == .error }.count
        let warnings = sorted.filter { $0.severity == .warning }.count
        if errors + warnings > 1 {
            let summary = CoreText.summary(["errors": errors, "_es": errors == 1 ? "" : "s",
                                            "warnings": warnings, "_ws": warnings == 1 ? "" : "s"])
            text += summary.text(language) + "\n"
        }
        return text
    }
}
