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
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + accepted.count * 48)
        var cursor = 0
        for item in accepted.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            out += bytes[cursor..<item.range.lowerBound]
            out += Array("<span class=\"figure-quote\" id=\"\(item.anchor)\">".utf8)
            out += bytes[item.range]
            out += Array("</span>".utf8)
            cursor = item.range.upperBound
        }
        out += bytes[cursor...]
        return (String(decoding: out, as: UTF8.self), anchors)
    }

}
