@testable import GongkaiBuild
import GongkaiCore
import Testing

@Suite struct ExcerptTests {
    /// The excerpt read from the start of the HTML is the one read from all of it, wherever the 1 KB and 4 KB cuts
    /// fall, and whether the first cut, the second or neither holds enough characters.
    @Test func theExcerptFromTheStartOfALongBodyIsTheWholeBodysExcerpt() {
        let paragraph = "<p>全年为农民工追讨工资报酬2530万元,欠薪案件动态清零。&amp;&lt;👍🏽e\u{301}</p>\n"
        var bodies: [String] = []
        for pad in 0..<40 {
            let filler = String(repeating: "x", count: pad * 97)
            bodies.append("<p>\(filler)</p>\n" + String(repeating: paragraph, count: 60))
            bodies.append("<table><tr><td>\(filler)</td><td>2</td></tr></table>\n<!-- a < b -->" + String(repeating: paragraph, count: 60))
            bodies.append("<p>" + String(repeating: "法", count: 1300 + pad) + "</p><h2 id=\"x\">二</h2>" + paragraph)
            bodies.append("<p>" + String(repeating: "\n", count: 4000 + pad) + "短</p>" + paragraph)  // few characters before the cut
            // Tags with long attributes: the first kilobyte holds fewer characters than an excerpt, the first four more.
            let link = "<a href=\"https://example.org/\(String(repeating: "p", count: 150 + pad))\">链接</a>"
            bodies.append("<p>" + String(repeating: link, count: 12) + "</p>\n" + String(repeating: paragraph, count: 30))
            bodies.append("<p>" + String(repeating: link, count: 2) + "</p>\n" + String(repeating: paragraph, count: 30))
        }
        for html in bodies {
            #expect(TopicModel.excerpt(ofHTML: html) == TopicModel.excerpt(ofPlainText: HTMLText.plain(html)))
        }
        #expect(TopicModel.excerpt(ofHTML: bodies[0]).count == 120)
    }
}
