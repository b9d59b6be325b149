import Foundation
@testable import GongkaiBuild
import GongkaiIndicators
import Testing

/// The body rewrites that rebuild a topic's HTML from slices of it (quotes marked, tables boxed) keep every other
/// byte as it was.
@Suite struct BodySplicingTests {
    @Test func quotesAreMarkedAndEverythingElseKept() {
        let html = "<p>é\u{301}全年为农民工追讨工资报酬2530万元，办结率100%。</p>\n<p>“互联网+监管”覆盖&amp;率\u{301}</p>\n"
        func indicator(_ id: String, _ quote: String) -> Indicator {
            Indicator(id: id, topic: "t", label: id, value: 1, unit: "", written: "1", quote: quote)
        }
        let marked = QuoteMarker.mark(html, indicators: [
            indicator("wage", "追讨工资报酬2530万元"), indicator("part", "2530万元，办结"), indicator("rate", "覆盖&率"),
            indicator("missing", "不在文中"),
        ])
        #expect(marked.html == "<p>é\u{301}全年为农民工<span class=\"figure-quote\" id=\"fig-wage\">追讨工资报酬2530万元</span>，办结率100%。</p>\n"
            + "<p>“互联网+监管”<span class=\"figure-quote\" id=\"fig-rate\">覆盖&amp;率</span>\u{301}</p>\n")
        #expect(marked.anchors == ["wage": "fig-wage", "part": "fig-wage", "rate": "fig-rate"])
        #expect(QuoteMarker.mark(html, indicators: [indicator("missing", "不在文中")]).html == html)
    }

    @Test func everyTableIsBoxedAndEverythingElseKept() {
        let html = "<p>前\u{301}</p>\n<table>\n<tr><td>项城</td></tr>\n</table>\n<p>中</p><table><tr><td>二</td></tr></table>末\u{301}"
        let box = "<div class=\"table-wrap\" role=\"region\" aria-label=\"表格\" tabindex=\"0\">\n<table>"
        #expect(TableWrapper.wrap(html) == "<p>前\u{301}</p>\n\(box)\n<tr><td>项城</td></tr>\n</table>\n</div>\n<p>中</p>"
            + "\(box)<tr><td>二</td></tr></table>\n</div>末\u{301}")
        #expect(TableWrapper.wrap("<p>无表</p>") == "<p>无表</p>")
        #expect(TableWrapper.wrap("<table>未闭合") == "<table>未闭合")
    }
}
