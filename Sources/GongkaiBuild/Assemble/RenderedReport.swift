import GongkaiCore

/// What the body stage makes of one report: its bodies (held while its pages and search documents are made), the
/// compact facts the checker keeps, and what rendering found (a file changed since it was loaded, an indicator whose
/// quote is not in the text).
struct RenderedReport: Sendable {
    /// Its position in `SiteModel.reports`.
    var position: Int
    /// The rendered bodies.
    var bodies: ReportBodies
    /// What the checks need of them.
    var facts: ReportFacts
    /// Errors and warnings found.
    var diagnostics: [Diagnostic]
}
