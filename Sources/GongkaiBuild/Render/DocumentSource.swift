/// Where one search document comes from: a report's position in `SiteModel.reports`, and its topic's position in
/// that report's `topics` (nil for the report's overview).
struct DocumentSource: Sendable, Hashable {
    var report: Int
    var topic: Int?
}
