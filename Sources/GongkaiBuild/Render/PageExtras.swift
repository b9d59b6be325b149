import GongkaiIndicators

/// Values computed after assembly that pages show: per-page additions (the overview's key figures, the indicators
/// page) keyed by output path, and what topic pages need to make their own indicator tables.
struct PageExtras: Sendable {
    /// The search index's shard count (nil without search).
    var searchShards: Int?
    /// Each report's year-over-year series (by report id; none when it has fewer than two years), for the tables
    /// made as topic pages render.
    var series: [String: IndicatorSeries] = [:]
    /// Extra template values (rendered HTML) per page output path.
    var pageValues: [String: [String: String]] = [:]
}
