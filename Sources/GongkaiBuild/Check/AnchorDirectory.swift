/// Where the anchor ids of every page and copied file of a site come from, looked up by URL path: made once from the
/// structure, read with whatever `ReportFacts` are known so far (a page of a report not rendered yet is "unsettled":
/// it exists, its anchors are not known).
struct AnchorDirectory: Sendable {
    /// Where one URL's anchors are.
    enum Place: Sendable {
        /// A page or file without anchors the checks know of (home, site map, indicators page, a copied file).
        case plain
        /// A report's overview: its opening's headings.
        case opening(report: Int)
        /// A report's full text.
        case full(report: Int)
        /// A topic's page.
        case topic(report: Int, topic: Int)

        /// The report whose facts hold the anchors, nil for `plain`.
        var report: Int? {
            switch self {
            case .plain: return nil
            case .opening(let r), .full(let r), .topic(let r, _): return r
            }
        }
    }

    private let places: [String: Place]

    /// The directory of `model`.
    init(_ model: SiteModel) {
        var places: [String: Place] = [:]
        for page in model.pages { places[page.urlPath] = .plain }
        for (r, report) in model.reports.enumerated() {
            for (t, topic) in report.topics.enumerated() { places[topic.urlPath] = .topic(report: r, topic: t) }
            places[report.fullURLPath] = .full(report: r)
            places[report.urlPath] = .opening(report: r)
        }
        for file in model.staticFiles { places[file.outputPath] = .plain }
        self.places = places
    }

    /// The anchor ids at `urlPath`, nil when the site has nothing there; none yet for a page whose report's facts
    /// are not known.
    func anchors(of urlPath: String, facts: [ReportFacts?]) -> AnchorIDs? {
        guard let place = places[urlPath] else { return nil }
        switch place {
        case .plain: return AnchorIDs.none
        case .opening(let r): return facts[r]?.opening?.anchors ?? AnchorIDs.none
        case .full(let r): return facts[r]?.fullAnchors ?? AnchorIDs.none
        case .topic(let r, let t): return facts[r]?.topics[t].anchors ?? AnchorIDs.none
        }
    }

    /// Whether `urlPath` is a page of a report whose facts are not known yet.
    func isUnsettled(_ urlPath: String, facts: [ReportFacts?]) -> Bool {
        guard let r = places[urlPath]?.report else { return false }
        return facts[r] == nil
    }
}
