import GongkaiCore
import GongkaiIndicators

/// Checks what joins reports across years, as a statistician reviewing the site would: one report a year in a series,
/// figures compared only in units that can be compared, reports with figures that no series can hold, and (for
/// `check`) the publication deadline of a 法治政府建设年度报告.
struct SeriesChecker {
    /// Also report what publishing needs (the deadline); `gongkai check` does.
    let publishing: Bool

    /// Every finding for `model`'s reports, in report order.
    func check(_ model: SiteModel) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Each known series once (`SiteModel.seriesMembers`), at its oldest member in the model's order, the series
        // with the oldest such member first; its reports oldest first (then by folder name).
        for p in model.seriesMembers.indices.reversed() where model.seriesMembers[p].last == p && model.reports[p].metadata.seriesIdentity != nil {
            let reports = model.seriesMembers[p].map { model.reports[$0] }
                .sorted { ($0.metadata.year, $0.metadata.id) < ($1.metadata.year, $1.metadata.id) }
            out += duplicateYears(reports)
            out += unitConflicts(reports)
        }
        out += unjoined(model)
        if publishing { out += model.reports.compactMap(deadline) }
        return out
    }

    /// Two reports of one series for one year: an error at the second's `year` (neither is compared).
    private func duplicateYears(_ reports: [ReportModel]) -> [Diagnostic] {
        var first: [Int: ReportModel] = [:]
        var out: [Diagnostic] = []
        for report in reports {
            let m = report.metadata
            if let earlier = first[m.year] {
                let message = m.seriesKey.isUnsetValue
                    ? BuildText.duplicateReportYear(["report": m.id, "earlier": earlier.metadata.id, "year": m.year, "publisher": m.publisher, "series": m.series])
                    : BuildText.duplicateReportYearByKey(["report": m.id, "earlier": earlier.metadata.id, "year": m.year, "key": m.seriesKey])
                out.append(.error(message,
                                  at: m.fieldLocations["year"] ?? m.location))
            } else {
                first[m.year] = report
            }
        }
        return out
    }

    /// An id published in two years in units that cannot be compared: a warning at the later entry's `unit`; the
    /// comparison leaves the earlier year out.
    private func unitConflicts(_ reports: [ReportModel]) -> [Diagnostic] {
        var sets: [Int: IndicatorSet] = [:]
        var byYear: [Int: ReportModel] = [:]
        for report in reports where !report.indicators.isEmpty && byYear[report.metadata.year] == nil {
            sets[report.metadata.year] = report.indicators
            byYear[report.metadata.year] = report
        }
        guard sets.count >= 2 else { return [] }
        return IndicatorSeries(sets).unitConflicts().compactMap { conflict in
            guard let later = byYear[conflict.laterYear], let earlier = byYear[conflict.earlierYear],
                  let laterPath = later.indicatorsFile?.path, let earlierPath = earlier.indicatorsFile?.path else { return nil }
            let there = conflict.earlier.location(path: earlierPath, field: "unit")
            return .warning(BuildText.indicatorUnitConflict(["id": conflict.id, "label": conflict.later.label, "later": conflict.later.written,
                                                      "laterYear": conflict.laterYear, "earlier": conflict.earlier.written, "earlierYear": conflict.earlierYear,
                                                      "there": "\(there.path):\(there.line)", "laterUnit": Self.unitName(conflict.later.unit),
                                                      "earlierUnit": Self.unitName(conflict.earlier.unit)]),
                            at: conflict.later.location(path: laterPath, field: "unit"))
        }
    }

    /// A report with figures and a series name but no 发布机构 (nor `series_key`), while another report has that
    /// series: it is compared with no other year, which its editor may not expect.
    private func unjoined(_ model: SiteModel) -> [Diagnostic] {
        let named = Dictionary(grouping: model.reports.filter { !$0.metadata.series.isUnsetValue }, by: \.metadata.series)
        return model.reports.compactMap { report in
            let m = report.metadata
            guard m.seriesIdentity == nil, !report.indicators.isEmpty, (named[m.series]?.count ?? 0) > 1 else { return nil }
            return .warning(BuildText.seriesWithoutPublisher(["report": m.id, "series": m.series]),
                            at: m.fieldLocations["publisher"] ?? m.location)
        }
    }

    /// A 法治政府建设年度报告 published after 1 April of the year after the one it reports on: a warning at
    /// `published` naming the deadline.
    private func deadline(_ report: ReportModel) -> Diagnostic? {
        let m = report.metadata
        guard m.series.contains("法治政府建设"), let published = CalendarDate(m.published),
              let due = CalendarDate(year: m.year + 1, month: 4, day: 1), due < published else { return nil }
        return .warning(BuildText.publishedAfterDeadline(["published": published, "year": m.year, "dueChinese": due.chinese, "due": due]),
                        at: m.fieldLocations["published"] ?? m.location)
    }

    /// `项城市人民政府 · 法治政府建设年度报告`, or the series key.
    static func unitName(_ unit: String) -> Message { unit.isEmpty ? BuildText.noUnit.message : CoreText.verbatim(["text": unit]) }
}
