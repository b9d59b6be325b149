import Foundation

/// The reports of one series (e.g. 法治政府建设年度报告), keyed by year, for year-over-year comparison.
public struct IndicatorSeries: Sendable, Hashable {
    /// Each year's indicators.
    public var sets: [Int: IndicatorSet]

    /// Creates a series from each year's set.
    public init(_ sets: [Int: IndicatorSet]) {
        self.sets = sets
    }

    /// The years, ascending.
    public var years: [Int] { sets.keys.sorted() }

    /// Ids present in at least `minimumYears` reports (default 2), in the order of the latest report that has them.
    public func sharedIDs(minimumYears: Int = 2) -> [String] {
        var counts: [String: Int] = [:]
        for set in sets.values {
            for id in Set(set.indicators.map(\.id)) { counts[id, default: 0] += 1 }
        }
        var seen = Set<String>()
        var ordered: [String] = []
        for year in years.reversed() {
            for indicator in sets[year]?.indicators ?? [] where (counts[indicator.id] ?? 0) >= minimumYears {
                if seen.insert(indicator.id).inserted { ordered.append(indicator.id) }
            }
        }
        return ordered
    }

    /// The rows of indicator `id` across years (only years that publish it), or nil when fewer than
    /// `minimumYears` have it.
    public func yearOverYear(id: String, minimumYears: Int = 2) -> YearOverYear? {
        var rows: [YearOverYear.Row] = []
        for year in years {
            guard let indicator = sets[year]?[id] else { continue }
            rows.append(YearOverYear.Row(year: year, indicator: indicator, change: nil))
        }
        guard rows.count >= max(1, minimumYears), let latest = rows.last?.indicator else { return nil }
        for n in rows.indices.dropFirst() {
            let previous = rows[n - 1].indicator, current = rows[n].indicator
            if WrittenFigure.baseUnit(of: previous.unit) == WrittenFigure.baseUnit(of: current.unit) {
                let a = WrittenFigure.inBaseUnits(previous.value, unit: previous.unit)
                let b = WrittenFigure.inBaseUnits(current.value, unit: current.unit)
                rows[n].change = WrittenFigure.inUnit(b - a, unit: current.unit)
            }
        }
        return YearOverYear(id: id, label: latest.label, topic: latest.topic, unit: latest.unit, rows: rows)
    }

    /// Year-over-year tables for every shared indicator of `topic` in the latest report's order.
    public func yearOverYear(topic: String, minimumYears: Int = 2) -> [YearOverYear] {
        guard let latest = years.last.flatMap({ sets[$0] }) else { return [] }
        return latest.indicators(topic: topic).compactMap { yearOverYear(id: $0.id, minimumYears: minimumYears) }
    }
}
