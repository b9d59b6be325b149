import Foundation
import GongkaiCore

/// One published figure of a report: what it measures, its value as printed, and the sentence it comes from.
public struct Indicator: Sendable, Hashable, Identifiable {
    /// Where an indicator and its fields were written in the data file (1-based; 0 when unknown).
    public struct Origin: Sendable, Hashable {
        /// Line of the entry.
        public var line: Int
        /// Column of the entry.
        public var column: Int
        /// Line and column of each field's value, keyed by field name (`quote`, `written` …).
        public var fields: [String: Position]

        /// A line and column.
        public struct Position: Sendable, Hashable {
            /// 1-based line.
            public var line: Int
            /// 1-based column in characters.
            public var column: Int
            /// Creates a position.
            public init(line: Int, column: Int) {
                self.line = line
                self.column = column
            }
        }

        /// Creates an origin.
        public init(line: Int, column: Int, fields: [String: Position] = [:]) {
            self.line = line
            self.column = column
            self.fields = fields
        }
    }

    /// Stable ASCII id (`zwfw-shixiang`), the same across the years of a series.
    public var id: String
    /// Topic id: slug path within the report (`01`, `02/04`, `_index`).
    public var topic: String
    /// Clean Chinese label (`政务服务事项`).
    public var label: String
    /// The number in `unit` (`3658.78` for 3658.78万元, `1000` for 千余册).
    public var value: Decimal
    /// The unit as written (`项`, `万元`, `%`, `人次`); may be empty.
    public var unit: String
    /// `余`, `多`, `以上`, `不少于` … when the text qualifies the number.
    public var qualifier: String?
    /// The figure exactly as the report writes it (`140余场次`, `90%以上`): what pages display.
    public var written: String
    /// The exact clause of the report that contains `written`.
    public var quote: String
    /// True for the handful shown on the report overview.
    public var key: Bool
    /// How this figure derives from others, for the publisher's audit.
    public var derive: Derivation?
    /// Where it was written in the data file (nil when built in code).
    public var origin: Origin?

    /// Creates an indicator.
    public init(
        id: String, topic: String, label: String, value: Decimal, unit: String, qualifier: String? = nil,
        written: String, quote: String, key: Bool = false, derive: Derivation? = nil, origin: Origin? = nil
    ) {
        self.id = id
        self.topic = topic
        self.label = label
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.written = written
        self.quote = quote
        self.key = key
        self.derive = derive
        self.origin = origin
    }

    /// The value as plain decimal text (`3658.78`), never exponent notation.
    public var valueText: String { DecimalText.plain(value) }

    /// Location of the entry, or of one of its fields when known, in the file at `path`.
    public func location(path: String, field: String? = nil) -> SourceLocation {
        if let field, let position = origin?.fields[field] {
            return SourceLocation(path: path, line: position.line, column: position.column)
        }
        return SourceLocation(path: path, line: origin?.line ?? 0, column: origin?.column ?? 0)
    }
}
