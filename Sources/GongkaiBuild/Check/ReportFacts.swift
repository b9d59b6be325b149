import Markdown

/// What the checks need of one report's rendered bodies, kept compactly once the bodies are let go: each body's
/// links, anchor ids and skipped heading levels, and the full-text page's anchor ids. The body stage makes it with
/// the bodies (`ReportFacts(report:bodies:)`); the checker reads only this.
public struct ReportFacts: Sendable {
    /// What the checks need of one body.
    public struct Body: Sendable {
        /// The body's links, with their source positions.
        public var links: [RenderedMarkdown.Link]
        /// Its anchor ids.
        public var anchors: AnchorIDs
        /// Its headings that skip a level.
        public var levelSkips: [HeadingLevelSkip]

        /// The facts of `body`.
        init(_ body: RenderedMarkdown) {
            links = body.links
            anchors = AnchorIDs(body.headings.map(\.id))
            levelSkips = HeadingLevelSkip.all(in: body.headings)
        }
    }

    /// The opening's, nil when the report has none.
    public var opening: Body?
    /// Each topic's, in topic order.
    public var topics: [Body]
    /// The full-text page's anchor ids.
    public var fullAnchors: AnchorIDs

    /// The facts of `bodies`.
    public init(_ bodies: ReportBodies) {
        opening = bodies.opening.map(Body.init)
        topics = bodies.topics.map(Body.init)
        fullAnchors = AnchorIDs(bodies.fullIDs)
    }
}
