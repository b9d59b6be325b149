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
}
