import Foundation

/// The reports of one series (one publisher's 法治政府建设年度报告 …), keyed by year, for year-over-year comparison.
///
/// What joins two reports into one series is decided by the caller (`ReportMetadata.seriesIdentity`: the same
/// publisher and series, or an explicit key); an indicator is followed across years by its id. A year whose figure
/// is in a unit that cannot be compared with the latest year's (`个` against `届`, `项` against `个`) is left out of
/// that indicator's comparison, never drawn (``unitConflicts()`` lists such years for the checker).
public struct IndicatorSeries: Sendable, Hashable {
    /// Each year's indicators.
    public var sets: [Int: IndicatorSet]

    /// Creates a series from each year's set.
    public init(_ sets: [Int: IndicatorSet]) {
        self.sets = sets
    }

    /// The years, ascending.
    public var years: [Int] { sets.keys.sorted() }

    /// Whether figures in units `a` and `b` measure the same thing and may be compared: the same unit once a
    /// magnitude (万, 亿) is set aside (`万元` and `元`, `万人` and `人`). Measure words are not treated as synonyms:
    /// `项` (matters, items of a list) and `个` (bodies, places, things) count different things in these reports, and
    /// a guessed equivalence would publish a change the reports do not state.
    public static func comparable(_ a: String, _ b: String) -> Bool {
        WrittenFigure.baseUnit(of: a) == WrittenFigure.baseUnit(of: b)
    }

    /// Ids present in at least `minimumYears` reports (default 2) with comparable units, in the order of the latest
    /// report that has them.
    public func sharedIDs(minimumYears: Int = 2) -> [String] {
        var seen = Set<String>()
        var ordered: [String] = []
        for year in years.reversed() {
            for indicator in sets[year]?.indicators ?? [] where seen.insert(indicator.id).inserted {
                if yearOverYear(id: indicator.id, minimumYears: minimumYears) != nil { ordered.append(indicator.id) }
            }
        }
        return ordered
    }

    /// The rows of indicator `id` across years: the latest year that publishes it and every earlier year whose figure
    /// is in a comparable unit; nil when fewer than `minimumYears` remain.
    public func yearOverYear(id: String, minimumYears: Int = 2) -> YearOverYear? {
        var found: [(year: Int, indicator: Indicator)] = []
        for year in years {
            if let indicator = sets[year]?[id] { found.append((year, indicator)) }
        }
        guard let latest = found.last?.indicator else { return nil }
        var rows = found.filter { Self.comparable($0.indicator.unit, latest.unit) }
            .map { YearOverYear.Row(year: $0.year, indicator: $0.indicator, change: nil) }
        guard rows.count >= max(1, minimumYears) else { return nil }
        for n in rows.indices.dropFirst() {
            let previous = rows[n - 1].indicator, current = rows[n].indicator
            // A figure written with 余, 多, 约, 以上 … is not exact: no difference is computed from it.
            guard previous.qualifier == nil, current.qualifier == nil else {
                rows[n].approximate = true
                continue
            }
            let a = WrittenFigure.inBaseUnits(previous.value, unit: previous.unit)
            let b = WrittenFigure.inBaseUnits(current.value, unit: current.unit)
            rows[n].change = WrittenFigure.inUnit(b - a, unit: current.unit)
        }
        return YearOverYear(id: id, label: latest.label, topic: latest.topic, unit: latest.unit, rows: rows)
    }

    /// Year-over-year tables for every shared indicator of `topic` in the latest report's order.
    public func yearOverYear(topic: String, minimumYears: Int = 2) -> [YearOverYear] {
        guard let latest = years.last.flatMap({ sets[$0] }) else { return [] }
        return latest.indicators(topic: topic).compactMap { yearOverYear(id: $0.id, minimumYears: minimumYears) }
    }

    /// One id published in two years of the series in units that cannot be compared.
    public struct UnitConflict: Sendable, Hashable {
        /// The indicator id.
        public var id: String
        /// The earlier year and its indicator.
        public var earlierYear: Int
        /// The earlier year's indicator.
        public var earlier: Indicator
        /// The later year.
        public var laterYear: Int
        /// The later year's indicator.
        public var later: Indicator
    }

    /// Each pair of consecutive years (among those publishing the id) whose units for one id cannot be compared, in
    /// year order, then in the order of the later year's indicators.
    public func unitConflicts() -> [UnitConflict] {
        var out: [UnitConflict] = []
        var last: [String: (year: Int, indicator: Indicator)] = [:]
        for year in years {
            for indicator in sets[year]?.indicators ?? [] {
                if let before = last[indicator.id], !Self.comparable(before.indicator.unit, indicator.unit) {
                    out.append(UnitConflict(id: indicator.id, earlierYear: before.year, earlier: before.indicator,
                                            laterYear: year, later: indicator))
                }
                last[indicator.id] = (year, indicator)
            }
        }
        return out
    }
}
