import GongkaiIndicators

/// Marks the sentence each figure comes from in a topic's HTML, so that a table row can link to it
/// (`<span class="figure-quote" id="fig-ID">…</span>`, highlighted by CSS when it is the URL's target).
/// Quotes that overlap an already marked one share its anchor.
enum QuoteMarker {
    /// The prefix of quote anchors.
    static let prefix = "fig-"

    /// `html` with quotes marked, and the anchor of each indicator id whose quote was found.
    static func mark(_ html: String, indicators: [Indicator]) -> (html: String, anchors: [String: String]) {
        var accepted: [(range: Range<String.Index>, anchor: String)] = []
        var anchors: [String: String] = [:]
        for indicator in indicators {
            let needle = escape(indicator.quote)
            guard !needle.isEmpty, let range = html.range(of: needle) else { continue }
            if let overlap = accepted.first(where: { $0.range.overlaps(range) }) {
                anchors[indicator.id] = overlap.anchor
                continue
            }
            let anchor = prefix + indicator.id
            accepted.append((range, anchor))
            anchors[indicator.id] = anchor
        }
        guard !accepted.isEmpty else { return (html, anchors) }
        var out = ""
        out.reserveCapacity(html.utf8.count + accepted.count * 48)
        var cursor = html.startIndex
        for item in accepted.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            out += html[cursor..<item.range.lowerBound]
            out += "<span class=\"figure-quote\" id=\"\(item.anchor)\">"
            out += html[item.range]
            out += "</span>"
            cursor = item.range.upperBound
        }
        out += html[cursor...]
        return (out, anchors)
    }

    /// The text as cmark writes it in HTML.
    private static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
