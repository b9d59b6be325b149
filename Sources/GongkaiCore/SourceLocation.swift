/// A place in a source file. Lines and columns are 1-based; columns count Unicode characters
/// (what a Chinese user sees in an editor), not UTF-8 bytes. 0 means "unknown".
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Path as shown to the user (relative to the site root where possible).
    public var path: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column in characters, 0 when unknown.
    public var column: Int

    /// Creates a location.
    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, always with line and column (1 when unknown), as compilers print it.
    public var description: String { "\(path):\(max(line, 1)):\(max(column, 1))" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}
