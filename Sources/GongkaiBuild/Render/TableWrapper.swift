import GongkaiCore

/// Puts every table of a rendered body in a scrolling, keyboard-reachable box
/// (`<div class="table-wrap" role="region" aria-label="表格" tabindex="0">`), so a wide table scrolls inside its
/// own box on a phone instead of widening the page — without JavaScript. Only pages get the box; `gongkai render`
/// prints cmark's HTML unchanged.
enum TableWrapper {
    private static let open = Array("<table>".utf8)
    private static let close = Array("</table>".utf8)
    private static let boxOpenText = "<div class=\"table-wrap\" role=\"region\" aria-label=\"表格\" tabindex=\"0\">\n<table>"
    private static let boxCloseText = "</table>\n</div>"

    /// `html` with each `<table>…</table>` boxed.
    static func wrap(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard var start = UTF8Search.find(open, in: bytes) else { return html }
        // Rebuilt from slices of `html` (cut at ASCII `<`), not decoded again.
        var out = ""
        out.reserveCapacity(bytes.count + 256)
        var cursor = 0
        while true {
            guard let end = UTF8Search.find(close, in: bytes, from: start) else { break }
            out += html.utf8Slice(cursor, start)
            out += boxOpenText
            out += html.utf8Slice(start + open.count, end)
            out += boxCloseText
            cursor = end + close.count
            guard let next = UTF8Search.find(open, in: bytes, from: cursor) else { break }
            start = next
        }
        out += html.utf8Slice(cursor, bytes.count)
        return out
    }
}
