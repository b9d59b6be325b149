import Foundation
import Testing
@testable import GongkaiIndicators

@Suite struct SVGChartTests {
    static let points = [
        SVGChart.Point(label: "2023年", value: 50, display: "50<项>"),
        SVGChart.Point(label: "2024年", value: 100, display: "100\"项\"&"),
    ]

    @Test func hasAnAccessibleNameAndNoScript() throws {
        let svg = SVGChart.bar(title: "出庭应诉率 <&> \"引\"", points: Self.points)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("role=\"img\""))
        let id = try #require(svg.firstMatch(of: /aria-labelledby="([^"]+)"/)?.1)
        #expect(svg.contains("<title id=\"\(id)\">出庭应诉率 &lt;&amp;&gt; &quot;引&quot;</title>"))
        #expect(!svg.lowercased().contains("<script"))
        #expect(!svg.contains("href"))
        #expect(!svg.contains(" on"))
    }

    @Test func escapesLabelsAndIsDeterministic() {
        let svg = SVGChart.bar(title: "t", points: Self.points)
        #expect(svg.contains(">50&lt;项&gt;</text>"))
        #expect(svg.contains(">100&quot;项&quot;&amp;</text>"))
        #expect(svg == SVGChart.bar(title: "t", points: Self.points))
        #expect(svg != SVGChart.bar(title: "u", points: Self.points))
        // The taller value gets the full plot height, the other half of it.
        #expect(svg.contains("height=\"120\" fill"))
        #expect(svg.contains("height=\"60\" fill"))
    }

    @Test func customIDAndEmptyData() {
        let svg = SVGChart.bar(title: "空", points: [], id: "my chart")
        #expect(svg.contains("aria-labelledby=\"my-chart-title\""))
        #expect(svg.contains("无数据"))
        let zero = SVGChart.bar(title: "零", points: [.init(label: "2024年", value: 0, display: "0项")])
        #expect(zero.contains("height=\"0\" fill"))
    }

    /// Bar heights worked out in Double are those Decimal gives, near halves too (1 / 48 of the tallest is 2.5 of
    /// 120, which Decimal's 38-digit quotient makes 2.4999…, so 2): seeded random figures with up to four decimals,
    /// every pair of small integers, and ratios that land on halves.
    @Test func barHeightsAreDecimals() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D  // xorshift64, seeded: the same figures on every run
        func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        func figure() -> Decimal {
            Decimal(sign: .plus, exponent: -Int(next() % 5), significand: Decimal(Int(next() % 100_000_000) + 1))
        }
        var checked = 0
        func check(_ a: Decimal, _ b: Decimal) {
            let (value, max) = a <= b ? (a, b) : (b, a)
            #expect(SVGChart.scaledHeight(value, of: max, height: 120) == SVGChart.decimalScaledHeight(value, of: max, height: 120), "\(value) / \(max)")
            checked += 1
        }
        for _ in 0..<20_000 { check(figure(), figure()) }
        for a in 1...240 { for b in a...240 { check(Decimal(a), Decimal(b)) } }
        for k in 0..<120 { check(Decimal(2 * k + 1), 240); check(Decimal(2 * k + 1) / 100, Decimal(240) / 100) }
        #expect(SVGChart.decimalScaledHeight(1, of: 48, height: 120) == 2)
        #expect(SVGChart.scaledHeight(1, of: 48, height: 120) == 2)
        #expect(SVGChart.scaledHeight(1, of: 80, height: 120) == 2)  // 1.5 exactly: half up
        #expect(checked > 40_000)
    }
}
