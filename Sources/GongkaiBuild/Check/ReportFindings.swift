import GongkaiCore

/// What the check finds of one report's bodies in its window (`SiteChecker.reportFindings`): the findings body by
/// body (the opening first, then each topic), and which bodies link to pages of reports not rendered then — those
/// are checked again once every report's facts are known (`SiteChecker.settle`), so that the findings and their order
/// are those of checking the whole site at once.
struct ReportFindings: Sendable {
    /// The report's metadata findings (with publishing checks).
    var metadata: [Diagnostic]
    /// Each body's findings: the opening's (when the report has one), then each topic's.
    var bodies: [[Diagnostic]]
    /// Positions in `bodies` whose links reach a page whose anchors were not known.
    var unsettled: [Int]

    /// Whether an error is already certain.
    var hasErrors: Bool { metadata.hasErrors || bodies.contains { $0.hasErrors } }

    /// Every finding, in order.
    var all: [Diagnostic] { metadata + bodies.flatMap { $0 } }
}
