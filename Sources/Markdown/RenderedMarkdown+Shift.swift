extension RenderedMarkdown {
    /// The same fragment with every heading moved `offset` levels down (clamped to 6) and given an id unique in
    /// `ids` — used to place a document inside a larger page without rendering it again.
    public func shifted(by offset: Int, ids: inout HeadingIDGenerator) -> RenderedMarkdown {
        guard !headings.isEmpty else { return self }
        var out = ""
        out.reserveCapacity(html.utf8.count + headings.count * 8)
        var rest = html[...]
        var newHeadings: [Heading] = []
        for heading in headings {
            let open = "<h\(heading.level) id=\"\(heading.id)\">"
            let close = "</h\(heading.level)>"
            guard let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) else {
                newHeadings.append(heading)
                continue
            }
            let level = min(6, max(1, heading.level + offset))
            let id = ids.next(for: heading.text)
            out += rest[..<start.lowerBound]
            out += "<h\(level) id=\"\(id)\">"
            out += rest[start.upperBound..<end.lowerBound]
            out += "</h\(level)>"
            rest = rest[end.upperBound...]
            newHeadings.append(Heading(level: level, text: heading.text, id: id, line: heading.line))
        }
        out += rest
        return RenderedMarkdown(html: out, headings: newHeadings, links: links)
    }
}
