/// Values computed after assembly that pages show: topic bodies with figures marked, and per-page additions
/// (indicator tables, charts) keyed by output path.
struct PageExtras: Sendable {
    /// The search index's shard count (nil without search).
    var searchShards: Int?
    /// Extra template values per page output path.
    nonisolated(unsafe) var pageValues: [String: [String: Any]] = [:]
}
