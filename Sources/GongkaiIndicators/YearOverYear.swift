import Foundation

/// One indicator across the years of a series: the rows of a table and the points of a chart.
public struct YearOverYear: Sendable, Hashable {
    /// One year's figure.
    public struct Row: Sendable, Hashable {
        /// The report's year.
        public var year: Int
        /// The indicator as that year's report publishes it.
        public var indicator: Indicator
        /// Change from the previous row, in this row's unit (nil for the first row, or when either figure is not
        /// exact).
        public var change: Decimal?

        /// Creates a row.
        public init(year: Int, indicator: Indicator, change: Decimal?) {
            self.year = year
            self.indicator = indicator
            self.change = change
        }

        /// The change as text with sign and unit (`+12项`, `+1.7万人`, `持平` when unchanged); a change of a rate in `%` or `‰` is in
        /// percentage (permille) points (`-0.5个百分点`), not a percentage of the rate; nil when not computed.
        public var changeText: String? {
            guard let change else { return nil }
            if change == 0 { return "持平" }
            let sign = change > 0 ? "+" : change < 0 ? "-" : "±"
            let magnitude = change < 0 ? -change : change
            let unit = indicator.unit == "%" ? "个百分点" : indicator.unit == "‰" ? "个千分点" : indicator.unit
            return sign + DecimalText.plain(magnitude) + unit
        }

        /// True when there is an earlier row but no change is computed, because this figure or the one before it
        /// is not exact (written with 余, 多, 约, 以上 …).
        public var approximate = false
    }

    /// The indicator id.
    public var id: String
    /// Its label in the latest report.
    public var label: String
    /// Its topic in the latest report.
    public var topic: String
    /// Its unit in the latest report.
    public var unit: String
    /// One row per year, ascending.
    public var rows: [Row]

    /// Creates a table.
    public init(id: String, label: String, topic: String, unit: String, rows: [Row]) {
        self.id = id
        self.label = label
        self.topic = topic
        self.unit = unit
        self.rows = rows
    }

    /// Chart points: the year as label, the value in the latest unit, the figure as written for display.
    public var points: [SVGChart.Point] {
        rows.map { row in
            let absolute = WrittenFigure.inBaseUnits(row.indicator.value, unit: row.indicator.unit)
            return SVGChart.Point(label: "\(row.year)年", value: WrittenFigure.inUnit(absolute, unit: unit), display: row.indicator.written)
        }
    }

    /// The bar chart of `points`, titled `<label>（<first>—<last>年）`.
    public func chart() -> String {
        let span = rows.first.map { first in
            rows.count > 1 ? "\(first.year)—\(rows.last?.year ?? first.year)年" : "\(first.year)年"
        } ?? ""
        return SVGChart.bar(title: "\(label)（\(span)）", points: points, id: "gk-chart-\(id)")
    }
}
