import GongkaiCore
import Foundation

/// Small, deterministic inline SVG charts built at build time: no JavaScript, no external resources.
///
/// The chart is an image with an accessible name (`role="img"`, `<title>` referenced by `aria-labelledby`);
/// the page must put the same figures in a table next to it, which is the text alternative.
public enum SVGChart {
    /// One bar.
    public struct Point: Sendable, Hashable {
        /// Label under the bar (`2024年`).
        public var label: String
        /// Value that sets the bar's height.
        public var value: Decimal
        /// Text above the bar, as published (`2530项`).
        public var display: String

        /// Creates a point.
        public init(label: String, value: Decimal, display: String) {
            self.label = label
            self.value = value
            self.display = display
        }
    }

    /// A vertical bar chart. `id` must be unique on the page (it names the `<title>` element); by default it
    /// is derived from the title and values, so the same input gives the same output.
    public static func bar(title: String, points: [Point], id: String? = nil) -> String {
        let chartID = sanitizedID(id ?? "gk-chart-" + fnv1a(title + points.map { "|\($0.label)=\($0.value)" }.joined()))
        let barWidth = 48, gap = 24, left = 16, top = 28, plotHeight = 120, labelBand = 28
        let count = max(points.count, 1)
        let width = left * 2 + count * barWidth + (count - 1) * gap
        let height = top + plotHeight + labelBand
        let maxValue = points.map(\.value).max() ?? 0
        // Written as UTF-8 bytes (string interpolation and appends took most of a chart's time).
        var svg: [UInt8] = []
        svg.reserveCapacity(640 + points.count * 480)
        func put(_ text: StaticString) { text.withUTF8Buffer { svg.append(contentsOf: $0) } }
        func put(_ text: String) { svg.append(contentsOf: text.utf8) }
        func put(_ number: Int) { svg.append(contentsOf: String(number).utf8) }
        func put(escaped text: String) { TextEscaping.appendHTML(text, to: &svg) }
        put("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gk-chart\" viewBox=\"0 0 "); put(width); put(" "); put(height); put("\"")
        put(" width=\""); put(width); put("\" height=\""); put(height); put("\" role=\"img\" aria-labelledby=\""); put(chartID); put("-title\">")
        put("<title id=\""); put(chartID); put("-title\">"); put(escaped: title); put("</title>")
        let baseline = top + plotHeight
        put("<line class=\"gk-chart-axis\" x1=\""); put(left / 2); put("\" y1=\""); put(baseline); put("\" x2=\""); put(width - left / 2)
        put("\" y2=\""); put(baseline); put("\" stroke=\"currentColor\" stroke-width=\"1\"/>")
        if points.isEmpty {
            put("<text x=\""); put(width / 2); put("\" y=\""); put(top + plotHeight / 2)
            put("\" text-anchor=\"middle\" font-size=\"12\" fill=\"currentColor\">无数据</text>")
        }
        for (n, point) in points.enumerated() {
            let x = left + n * (barWidth + gap)
            var barHeight = 0
            if maxValue > 0, point.value > 0 {
                barHeight = max(1, scaledHeight(point.value, of: maxValue, height: plotHeight))
            }
            let y = baseline - barHeight
            let center = x + barWidth / 2
            put("<rect class=\"gk-chart-bar\" x=\""); put(x); put("\" y=\""); put(y); put("\" width=\""); put(barWidth)
            put("\" height=\""); put(barHeight); put("\" fill=\"currentColor\" fill-opacity=\"0.6\"/>")
            put("<text class=\"gk-chart-value\" x=\""); put(center); put("\" y=\""); put(y - 6)
            put("\" text-anchor=\"middle\" font-size=\"12\" fill=\"currentColor\">"); put(escaped: point.display); put("</text>")
            put("<text class=\"gk-chart-label\" x=\""); put(center); put("\" y=\""); put(baseline + 18)
            put("\" text-anchor=\"middle\" font-size=\"12\" fill=\"currentColor\">"); put(escaped: point.label); put("</text>")
        }
        put("</svg>")
        return String(decoding: svg, as: UTF8.self)
    }

    /// `value / max * height` rounded half up, as `Decimal` works it out (its 38-digit quotient included), for
    /// `0 < value <= max`.
    ///
    /// Worked out in `Double` (Decimal division cost most of a chart) unless the result lies within 10⁻⁶ of a half,
    /// where Double's error (about 10⁻¹³ here) or Decimal's own rounding of the quotient (1 / 48 × 120 is
    /// 2.4999… in Decimal, not 2.5) could decide the rounding: then in Decimal.
    static func scaledHeight(_ value: Decimal, of max: Decimal, height: Int) -> Int {
        let scaled = NSDecimalNumber(decimal: value).doubleValue / NSDecimalNumber(decimal: max).doubleValue * Double(height)
        if scaled.isFinite, scaled >= 0, scaled <= Double(height) {
            let fraction = scaled - scaled.rounded(.down)
            if abs(fraction - 0.5) > 1e-6 { return Int(scaled.rounded(.toNearestOrAwayFromZero)) }
        }
        return decimalScaledHeight(value, of: max, height: height)
    }

    /// `scaledHeight` in Decimal arithmetic throughout.
    static func decimalScaledHeight(_ value: Decimal, of max: Decimal, height: Int) -> Int {
        NSDecimalNumber(decimal: DecimalText.roundHalfUp(value / max * Decimal(height), decimals: 0)).intValue
    }

    /// Escapes text for XML content and attribute values.
    public static func escape(_ text: String) -> String { TextEscaping.html(text) }

    static func sanitizedID(_ id: String) -> String {
        // An id with characters beyond ASCII (an imported indicator's id is made of its label's Han characters)
        // would lose them all to `-` and could meet another chart's on the page: it gets the hash of itself instead.
        if id.utf8.contains(where: { $0 >= 0x80 }) {
            let ascii = String(id.prefix { $0.isASCII })
            return sanitizedID(ascii) + "-" + fnv1a(id)
        }
        // Each character that is not an ASCII letter, digit, `-` or `_` becomes one `-`.
        let cleaned = String(id.map { c -> Character in
            guard let b = c.asciiValue else { return "-" }
            let kept = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
            return kept ? c : "-"
        })
        return cleaned.first?.isLetter == true ? cleaned : "gk-" + cleaned
    }

    /// 32-bit FNV-1a of the UTF-8 bytes, as 8 hex digits (stable across runs and platforms).
    static func fnv1a(_ text: String) -> String {
        var hash: UInt32 = 0x811c_9dc5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
