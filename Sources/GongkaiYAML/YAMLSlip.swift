import GongkaiCore

/// One of the usual slips found in a YAML text (a full-width colon, a Tab as indentation …): where it stands and
/// what to do about it.
public struct YAMLSlip: Sendable, Hashable {
    /// 1-based line in the text scanned.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int
    /// The hint, naming the fix.
    public var message: Message

    /// A slip at `line`:`column` of the text.
    public init(line: Int, column: Int, message: Message) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error at this slip's place in `path`, whose line `firstLine` is the text's first.
    public func diagnostic(path: String, firstLine: Int = 1) -> Diagnostic {
        .error(message, at: SourceLocation(path: path, line: line + firstLine - 1, column: column))
    }
}
