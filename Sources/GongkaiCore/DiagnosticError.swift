/// Thrown by a stage that cannot go on: carries every diagnostic collected so far (at least one error).
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, sorted by location.
    public var diagnostics: [Diagnostic]

    /// Creates the error from diagnostics (sorted for stable output).
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
