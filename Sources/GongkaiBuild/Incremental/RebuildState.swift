import GongkaiCore
import GongkaiSearch

/// What a build keeps for the incremental rebuild after it (`SiteBuilder.rebuild`): the assembled structure, the
/// facts of every report's bodies, the search index's state and the manifest — no body and no output file.
public struct RebuildState: Sendable {
    /// The assembled site (structure, body stage, what assembling found).
    var site: AssembledSite
    /// What the checks need of each report's bodies, by position.
    var facts: [ReportFacts]
    /// The search index's state (nil without search).
    var search: SearchIndexState?
    /// The manifest of the build.
    public internal(set) var manifest: Manifest
    /// Each manifest entry's JSON (made at the first rebuild).
    var manifestChunks: [[UInt8]]?
    /// The text of the manifest's digest (made at the first rebuild).
    var manifestDigestText: ManifestDigestText?
    /// The build's warnings.
    public internal(set) var diagnostics: [Diagnostic]

    /// The site's structure.
    public var model: SiteModel { site.model }

    /// The rendered bodies of the report `id`, made again by the body stage (nil: no such report).
    public func bodies(ofReport id: String) -> ReportBodies? {
        guard let r = site.model.reportIndex[id] else { return nil }
        return site.bodies.render(site, positions: r..<(r + 1)).first?.bodies
    }
}
