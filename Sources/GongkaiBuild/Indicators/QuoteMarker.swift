import GongkaiCore
import GongkaiIndicators
import Markdown

/// Marks the sentence each figure comes from in a topic's HTML, so that a table row can link to it
/// (`<span class="figure-quote" id="fig-ID">…</span>`, highlighted by CSS when it is the URL's target).
/// Quotes that overlap an already marked one share its anchor.
enum QuoteMarker {
    /// The prefix of quote anchors.
    static let prefix = "fig-"

    /// `html` with quotes marked, and the anchor of each indicator id whose quote was found.
    static func mark(_ html: String, indicators: [Indicator]) -> (html: String, anchors: [String: String]) {
        var accepted: [(range: Range<Int>, anchor: String)] = []
        var anchors: [String: String] = [:]
        let bytes = Array(html.utf8)
        for indicator in indicators {
            let needle = Array(TextEscaping.html(indicator.quote, apostrophe: false).utf8)
            guard !needle.isEmpty, let start = UTF8Search.find(needle, in: bytes) else { continue }
            let range = start..<(start + needle.count)
            if let overlap = accepted.first(where: { $0.range.overlaps(range) }) {
                anchors[indicator.id] = overlap.anchor
                continue
            }
            let anchor = prefix + indicator.id
            accepted.append((range, anchor))
            anchors[indicator.id] = anchor
        }
        guard !accepted.isEmpty else { return (html, anchors) }
        // Rebuilt from slices of `html`: a match of valid UTF-8 in valid UTF-8 starts and ends on scalar boundaries.
        var out = ""
        out.reserveCapacity(bytes.count + accepted.count * 48)
        var cursor = 0
        for item in accepted.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            out += html.utf8Slice(cursor, item.range.lowerBound)
            out += "<span class=\"figure-quote\" id=\"\(item.anchor)\">"
            out += html.utf8Slice(item.range.lowerBound, item.range.upperBound)
            out += "</span>"
            cursor = item.range.upperBound
        }
        out += html.utf8Slice(cursor, bytes.count)
        return (out, anchors)
    }

}
