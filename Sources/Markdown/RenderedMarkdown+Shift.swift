import GongkaiCore

extension RenderedMarkdown {
    /// The same fragment with every heading moved `offset` levels down (clamped to 6) and given an id unique in
    /// `ids` — used to place a document inside a larger page without rendering it again.
    public func shifted(by offset: Int, ids: inout HeadingIDGenerator) -> RenderedMarkdown {
        guard !headings.isEmpty else { return self }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + headings.count * 8)
        var cursor = 0
        var newHeadings: [Heading] = []
        for heading in headings {
            let open = Array("<h\(heading.level) id=\"\(heading.id)\">".utf8)
            let close = Array("</h\(heading.level)>".utf8)
            guard let start = UTF8Search.find(open, in: bytes, from: cursor),
                  let end = UTF8Search.find(close, in: bytes, from: start + open.count) else {
                newHeadings.append(heading)
                continue
            }
            let level = min(6, max(1, heading.level + offset))
            let id = ids.next(for: heading.text)
            out += bytes[cursor..<start]
            out += Array("<h\(level) id=\"\(id)\">".utf8)
            out += bytes[(start + open.count)..<end]
            out += Array("</h\(level)>".utf8)
            cursor = end + close.count
            newHeadings.append(Heading(level: level, text: heading.text, id: id, line: heading.line))
        }
        out += bytes[cursor...]
        return RenderedMarkdown(html: String(decoding: out, as: UTF8.self), headings: newHeadings, links: links)
    }
}
