/// Lays an outline out as pages: `_index.md` with the opening text, one page per top-level section, and for a
/// section the ``SplitPolicy`` splits, a folder with the section's own `_index.md` and one page per sub-section.
/// Headings below a page's own title start at `##`.
public struct SectionWriter: Sendable {
    /// Which sections are split.
    public let split: SplitPolicy

    /// Creates a writer.
    public init(split: SplitPolicy = .automatic) { self.split = split }

    /// The pages for `outline`, in reading order (`_index.md` first).
    public func pages(for outline: ReportOutline) -> [TopicPage] {
        var texts: [String: String] = ["_index.md": plainText(outline.opening, [])]
        var pages = [TopicPage(path: "_index.md", title: nil, order: 0, slug: "", body: Self.body(outline.opening, [], depth: 1),
                               line: outline.opening.first?.line ?? 1)]
        for (i, section) in outline.sections.enumerated() {
            let slug = Self.slug(i + 1)
            if split.splits(section, position: i + 1) {
                texts["\(slug)/_index.md"] = [section.heading.title, plainText(section.paragraphs, [])].joined(separator: "\n")
                pages.append(TopicPage(path: "\(slug)/_index.md", title: section.heading.title, order: i + 1, slug: slug,
                                       body: Self.body(section.paragraphs, [], depth: 1), line: section.heading.line))
                for (j, child) in section.children.enumerated() {
                    let childSlug = Self.slug(j + 1)
                    texts["\(slug)/\(childSlug).md"] = [child.heading.title, plainText(child.paragraphs, child.children)].joined(separator: "\n")
                    pages.append(TopicPage(path: "\(slug)/\(childSlug).md", title: child.heading.title, order: j + 1, slug: childSlug,
                                           body: Self.body(child.paragraphs, child.children, depth: 1), line: child.heading.line))
                }
            } else {
                texts["\(slug).md"] = [section.heading.title, plainText(section.paragraphs, section.children)].joined(separator: "\n")
                pages.append(TopicPage(path: "\(slug).md", title: section.heading.title, order: i + 1, slug: slug,
                                       body: Self.body(section.paragraphs, section.children, depth: 1), line: section.heading.line))
            }
        }
        for k in pages.indices { pages[k].text = texts[pages[k].path] ?? "" }
        return pages
    }

    /// `pages(for:)` with each page's plain text filled in.
    func plainText(_ paragraphs: [ReportOutline.Text], _ children: [ReportOutline.Section]) -> String {
        // Tables and images are left out: a figure's quote must be found in the rendered text, which sets a table's
        // cells apart otherwise than this text does.
        func texts(_ ps: [ReportOutline.Text]) -> [String] { ps.filter { !$0.isBlock }.map(\.text) }
        func lines(_ s: ReportOutline.Section) -> [String] { [s.heading.title] + texts(s.paragraphs) + s.children.flatMap(lines) }
        return (texts(paragraphs) + children.flatMap(lines)).joined(separator: "\n")
    }

    /// `01`, `02`, … `10`, `100`.
    static func slug(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// Paragraphs, then sub-sections with headings one level per depth (`##` for depth 1), blocks separated by blank lines.
    static func body(_ paragraphs: [ReportOutline.Text], _ children: [ReportOutline.Section], depth: Int) -> String {
        var blocks: [String] = paragraphs.map { $0.markdown ?? MarkdownEscaper.paragraph($0.text) }
        func add(_ section: ReportOutline.Section, depth: Int) {
            let hashes = String(repeating: "#", count: min(6, depth + 1))
            blocks.append("\(hashes) \(MarkdownEscaper.inline(section.heading.title))")
            blocks += section.paragraphs.map { $0.markdown ?? MarkdownEscaper.paragraph($0.text) }
            for c in section.children { add(c, depth: depth + 1) }
        }
        for c in children { add(c, depth: depth) }
        return blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
    }
}
