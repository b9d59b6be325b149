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

    /// The excerpt of a plain text, read scalar by scalar where that is safe, is the one counted in characters: texts
    /// mixing simple scalars with ones that join the character before or after them (combining marks, CR LF, emoji
    /// modifiers and ZWJ sequences, Hangul jamo, regional indicators, keycaps), at every length around the cut.
    @Test func scalarExcerptsAgreeWithCharacterExcerpts() {
        let simple: [Unicode.Scalar] = ["a", "Z", "0", " ", "\n", "法", "治", "㐀", "、", "。", "《", "》", "，", "（", "“", "”", "…", "—"]
        let joining: [Unicode.Scalar] = ["\u{301}", "\r", "\u{1F3FD}", "\u{200D}", "\u{1F44D}", "\u{1100}", "\u{1161}", "\u{1F1E8}",
                                         "\u{1F1F3}", "\u{FE0F}", "\u{20E3}", "\u{302A}", "\u{3030}", "\u{0E33}", "\u{0600}"]
        func reference(_ text: String, _ limit: Int) -> String { String(text.lazy.filter { $0 != "\n" }.prefix(limit)) }
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        var checked = 0
        for length in [0, 1, 2, 5, 118, 119, 120, 121, 122, 123, 124, 125, 130] {
            for round in 0..<150 {
                var scalars = String.UnicodeScalarView()
                for i in 0..<length {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let pick = Int(seed >> 33)
                    // Joining scalars only sometimes, and often right at the cut.
                    let nearCut = (119...122).contains(i)
                    let useJoining = round % 3 != 0 && (pick % (nearCut ? 2 : 40) == 0)
                    scalars.append(useJoining ? joining[pick / 7 % joining.count] : simple[pick / 7 % simple.count])
                }
                let text = String(scalars)
                #expect(TopicModel.excerpt(ofPlainText: text) == reference(text, 120), "\(Array(text.unicodeScalars))")
                #expect(TopicModel.characterCount(of: text, upTo: 123) == text.lazy.filter { $0 != "\n" }.prefix(123).count)
                checked += 1
            }
        }
        #expect(checked == 13 * 150)
        // Each joining scalar (and CR LF) placed at every position around the cut, in CJK and in ASCII text.
        for filler in ["法", "a"] {
            for position in 115...124 {
                for joiner in joining.map({ String($0) }) + ["\r\n", "\n\u{301}", "\u{1F1E8}\u{1F1F3}", "1\u{FE0F}\u{20E3}"] {
                    let text = String(repeating: filler, count: position) + joiner + String(repeating: filler, count: 8)
                    #expect(TopicModel.excerpt(ofPlainText: text) == reference(text, 120), "\(position) \(Array(joiner.unicodeScalars))")
                    #expect(TopicModel.characterCount(of: text, upTo: 123) == text.lazy.filter { $0 != "\n" }.prefix(123).count)
                }
            }
        }
    }
}
