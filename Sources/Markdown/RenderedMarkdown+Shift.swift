import GongkaiCore

extension RenderedMarkdown {
    /// The same fragment with every heading moved `offset` levels down (clamped to 6) and given an id unique in
    /// `ids` — used to place a document inside a larger page without rendering it again.
    public func shifted(by offset: Int, ids: inout HeadingIDGenerator) -> RenderedMarkdown {
        shifted(by: offset, ids: &ids, html: true)
    }

    /// The headings `shifted(by:ids:)` gives (same levels, same ids, `ids` advanced the same way), without
    /// building the new fragment.
    public func shiftedHeadings(by offset: Int, ids: inout HeadingIDGenerator) -> [Heading] {
        shifted(by: offset, ids: &ids, html: false).headings
    }

    private func shifted(by offset: Int, ids: inout HeadingIDGenerator, html buildHTML: Bool) -> RenderedMarkdown {
        guard !headings.isEmpty else { return self }
        // The fragment's UTF-8 is searched in place rather than copied.
        var html = html
        return html.withUTF8 { shifted(by: offset, ids: &ids, html: buildHTML, bytes: $0) }
    }

    private func shifted(by offset: Int, ids: inout HeadingIDGenerator, html buildHTML: Bool, bytes: UnsafeBufferPointer<UInt8>) -> RenderedMarkdown {
        // The new fragment is the old one's text between headings (appended as slices of the original string, so
        // not checked as UTF-8 again: every cut is at an ASCII `<` or `>`) and the new heading tags.
        var out = ""
        if buildHTML { out.reserveCapacity(bytes.count + headings.count * 8) }
        var cursor = 0
        var newHeadings: [Heading] = []
        newHeadings.reserveCapacity(headings.count)
        var open: [UInt8] = []
        open.reserveCapacity(64)
        for heading in headings {
            // `<hN id="…">` and `</hN>` as bytes, without string interpolation (this runs for every heading twice).
            open.removeAll(keepingCapacity: true)
            open += Self.openTagStart(heading.level)
            open += heading.id.utf8
            open += [0x22, 0x3E]  // `">`
            let close = Self.closeTag(heading.level)
            guard let start = UTF8Search.find(open, in: bytes, from: cursor),
                  let end = UTF8Search.find(close, in: bytes, from: start + open.count) else {
                newHeadings.append(heading)
                continue
            }
            let level = min(6, max(1, heading.level + offset))
            // Usually the id the heading already had: that string is kept (one copy for both pages' anchors).
            let made = ids.next(for: heading.text)
            let id = made == heading.id ? heading.id : made
            if buildHTML {
                out += html.utf8Slice(cursor, start)
                out += Self.openTagStartText[level - 1]
                out += id
                out += "\">"
                out += html.utf8Slice(start + open.count, end)
                out += Self.closeTagText[level - 1]
            }
            cursor = end + close.count
            newHeadings.append(Heading(level: level, text: heading.text, id: id, line: heading.line))
        }
        guard buildHTML else { return RenderedMarkdown(html: "", headings: newHeadings, links: links) }
        out += html.utf8Slice(cursor, bytes.count)
        return RenderedMarkdown(html: out, headings: newHeadings, links: links)
    }

    /// `<hN id="` for levels 1–6.
    private static let openTagStartText = (1...6).map { "<h\($0) id=\"" }
    /// `</hN>` for levels 1–6.
    private static let closeTagText = (1...6).map { "</h\($0)>" }
    private static let openTagStartBytes = openTagStartText.map { Array($0.utf8) }
    private static let closeTagBytes = closeTagText.map { Array($0.utf8) }

    /// The bytes of `<hN id="` (any level a heading may carry).
    private static func openTagStart(_ level: Int) -> [UInt8] {
        (1...6).contains(level) ? openTagStartBytes[level - 1] : Array("<h\(level) id=\"".utf8)
    }

    /// The bytes of `</hN>`.
    private static func closeTag(_ level: Int) -> [UInt8] {
        (1...6).contains(level) ? closeTagBytes[level - 1] : Array("</h\(level)>".utf8)
    }
}
