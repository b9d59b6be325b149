import Markdown

/// A heading whose level skips one after the heading before it (`## a` then `#### b`): a warning of the check.
public struct HeadingLevelSkip: Sendable, Hashable {
    /// The heading.
    public var heading: RenderedMarkdown.Heading
    /// The level of the heading before it (1 for the first: topic bodies start at `##`).
    public var previous: Int

    /// The skips among `headings`, in order.
    static func all(in headings: [RenderedMarkdown.Heading]) -> [HeadingLevelSkip] {
        var out: [HeadingLevelSkip] = []
        var previous = 1
        for heading in headings {
            if heading.level > previous + 1 { out.append(HeadingLevelSkip(heading: heading, previous: previous)) }
            previous = heading.level
        }
        return out
    }
}
