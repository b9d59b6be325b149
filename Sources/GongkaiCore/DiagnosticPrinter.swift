import Foundation

/// Prints diagnostics to standard error, one per line, in compiler format.
public enum DiagnosticPrinter {
    /// Prints `diagnostics` (sorted) and a summary line when there is more than one.
    public static func print(_ diagnostics: [Diagnostic]) {
        let sorted = DiagnosticError(diagnostics).diagnostics
        var text = sorted.map { "\($0)\n" }.joined()
        let errors = sorted.filter { $0.severity == .error }.count
        let warnings = sorted.filter { $0.severity == .warning }.count
        if errors + warnings > 1 { text += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
