import GongkaiCore

/// What the assembler hands the pipeline: the site's structure (`SiteModel`, never changed afterwards), the body
/// stage that renders its reports' Markdown, and what assembling found (indicator files that did not load, URLs
/// claimed twice). Rendering the bodies finds the rest (`RenderedReport.diagnostics`); `diagnostics(adding:)` puts
/// them all in the order they are reported.
public struct AssembledSite: Sendable {
    /// The structure.
    public let model: SiteModel
    /// Renders a few reports' bodies at a time.
    let bodies: BodyRenderer
    /// Each report's indicator file errors, by position in `model.reports`.
    let indicatorFindings: [[Diagnostic]]
    /// Whether each report's indicators loaded and are to be checked against its text, by position.
    let validates: [Bool]
    /// The loader's warnings (and errors).
    let loadDiagnostics: [Diagnostic]
    /// Errors for URLs and output paths claimed twice.
    let duplicates: [Diagnostic]

    /// Whether the assembly alone already fails the build.
    var hasErrors: Bool { duplicates.hasErrors || loadDiagnostics.hasErrors || indicatorFindings.contains { $0.hasErrors } }

    /// The site's diagnostics up to the checks, given what rendering each report's bodies found (by position; empty
    /// for a report not rendered): the loader's, each report's (in the order the reports were loaded), the
    /// duplicates.
    func diagnostics(adding rendered: [[Diagnostic]]) -> [Diagnostic] {
        let perReport = model.reports.indices.sorted { model.reports[$0].loadOrder < model.reports[$1].loadOrder }.flatMap { r in
            indicatorFindings[r] + (r < rendered.count ? rendered[r] : [])
        }
        return loadDiagnostics + perReport + duplicates
    }

    /// This site with the structure `model` (the same reports, pages and files, a topic's source changed).
    func replacing(_ model: SiteModel) -> AssembledSite {
        AssembledSite(model: model, bodies: bodies, indicatorFindings: indicatorFindings, validates: validates, loadDiagnostics: loadDiagnostics,
                      duplicates: duplicates)
    }
}
