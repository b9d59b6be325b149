/// One message for the user, printed as `path:line:col: error: message` like the Swift compiler.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Error {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error

        private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

        /// The word printed between location and message (`error`, `错误`).
        public func word(_ language: Language) -> String {
            switch self {
            case .error: CoreText.severityError.message.text(language)
            case .warning: CoreText.severityWarning.message.text(language)
            case .note: CoreText.severityNote.message.text(language)
            }
        }
    }

    /// Where it is.
    public var location: SourceLocation
    /// How serious it is.
    public var severity: Severity
    /// What is wrong, in one sentence, in both languages.
    public var text: Message

    /// What is wrong, in English (logs, sorting, tests).
    public var message: String { text.text(.english) }

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ text: Message, at location: SourceLocation) {
        self.severity = severity
        self.text = text
        self.location = location
    }

    /// An error at `location`.
    public static func error(_ text: Message, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, text, at: location)
    }

    /// A warning at `location`.
    public static func warning(_ text: Message, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, text, at: location)
    }

    /// A note at `location`.
    public static func note(_ text: Message, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.note, text, at: location)
    }

    /// The compiler-style line in English.
    public var description: String { line(.english) }

    /// The compiler-style line in `language`: `path:line:col: 错误: …` (the location part never changes).
    public func line(_ language: Language) -> String { "\(location): \(severity.word(language)): \(text.text(language))" }
}
