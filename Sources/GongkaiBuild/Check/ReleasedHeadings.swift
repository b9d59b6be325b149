/// What the checks need of a topic body's headings once a streaming build has let them go: its anchor ids and its
/// level skips, kept compactly until the whole site is checked.
public struct ReleasedHeadings: Sendable, Hashable {
    /// The anchor ids, in order.
    public var anchors: AnchorIDs
    /// The headings that skip a level.
    public var levelSkips: [HeadingLevelSkip]
}
