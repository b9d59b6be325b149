/// A calendar date written `YYYY-MM-DD` or `YYYY年M月D日` (the Gregorian calendar, no time zone): what report.yaml's 成文日期 and
/// 发布日期 are, compared as dates.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…28/29/30/31.
    public let day: Int

    /// A real date, or nil (`2025-02-30`, `2025-13-01`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` or `YYYY年M月D日` (`fields(of:)`); nil for anything else or a day the month does not have.
    public init?(_ text: String) {
        guard let fields = Self.fields(of: text) else { return nil }
        self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    /// The year, month and day written in `text`, not yet checked against the calendar: `YYYY-MM-DD` (two-digit
    /// month and day), or `YYYY年M月D日` as a report writes it (month and day with or without a leading zero, spaces
    /// between the parts allowed); in either, digits may be full-width (`２０２５年４月２２日`, as an input method
    /// may type them). Nil for anything else.
    public static func fields(of text: String) -> (year: Int, month: Int, day: Int)? {
        let text = String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if (0xFF10...0xFF19).contains(scalar.value) { return Unicode.Scalar(scalar.value - 0xFEE0) }  // ０…９
            return scalar
        }))
        func number(_ part: Substring, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        if text.hasSuffix("日"), text.contains("年"), text.contains("月") {
            let compact = text.filter { $0 != " " && $0 != "\u{3000}" }.dropLast()
            let yearAndRest = compact.split(separator: "年", omittingEmptySubsequences: false)
            guard yearAndRest.count == 2 else { return nil }
            let monthAndDay = yearAndRest[1].split(separator: "月", omittingEmptySubsequences: false)
            guard monthAndDay.count == 2, let y = number(yearAndRest[0], digits: 4...4),
                  let m = number(monthAndDay[0], digits: 1...2), let d = number(monthAndDay[1], digits: 1...2) else { return nil }
            return (y, m, d)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = number(parts[0], digits: 4...4), let m = number(parts[1], digits: 2...2),
              let d = number(parts[2], digits: 2...2) else { return nil }
        return (y, m, d)
    }

    /// Days in `month` of `year` (February has 29 in leap years).
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// `2025年4月1日`.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
