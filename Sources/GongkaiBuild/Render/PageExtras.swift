/// Values computed after assembly that pages show: the full-report bodies, topic bodies with figures marked,
/// and per-page additions (indicator tables, charts) keyed by output path.
struct PageExtras: Sendable {
    /// Full-report body per report id.
    var fullBodies: [String: FullReportBody] = [:]
    /// Topic HTML that replaces the plain rendering, keyed `report/topic`.
    var topicBodies: [String: String] = [:]
    /// The search index's shard count (nil without search).
    var searchShards: Int?
    /// Extra template values per page output path.
    nonisolated(unsafe) var pageValues: [String: [String: Any]] = [:]
}
