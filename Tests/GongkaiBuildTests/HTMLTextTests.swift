@testable import GongkaiCore
import Testing

@Suite struct HTMLTextTests {
    /// Text runs are copied word by word up to the next `<` or `&`: a tag or an entity must be found at every
    /// position of a word, after runs of every length, between ASCII, CJK and four-byte characters.
    @Test func tagsAndEntitiesAreFoundAtEveryPositionOfAWord() {
        let tokens: [(html: String, text: String)] = [("<b>", ""), ("</em>", ""), ("&amp;", "&"), ("&lt;", "<"), ("&#x9879;", "项"),
                                                      ("&#39;", "'"), ("& ", "& "), ("&nbsp;", "\u{00A0}")]
        let characters: [Character] = ["a", "项", "𠀋", "1", " ", "”", ">", ";"]
        var checked = 0
        for (a, first) in characters.enumerated() {
            for lead in 0..<18 {
                for tail in [0, 1, 7, 9] {
                    for token in tokens {
                        let before = String(repeating: first, count: lead)
                        let after = String(repeating: characters[(a + 1) % characters.count], count: tail)
                        let html = "<p>" + before + token.html + after + token.html + "</p>"
                        let text = before + token.text + after + token.text
                        // The closing `</p>` ends the line (when there is one).
                        #expect(HTMLText.plain(html) == (text.isEmpty ? "" : text + "\n"), "\(html)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 8 * 18 * 4 * 8)
        // Blocks still give lines, and a text without tags or entities comes back whole.
        #expect(HTMLText.plain("<p>一二三四五六七八九十</p><p>abcdefghijklmnop</p>") == "一二三四五六七八九十\nabcdefghijklmnop\n")
        #expect(HTMLText.plain("项城市法治政府建设年度报告 2024") == "项城市法治政府建设年度报告 2024")
        #expect(HTMLText.mayHoldTagOrEntity(0x6161_6161_6161_6161) == false)
        #expect(HTMLText.mayHoldTagOrEntity(0x6161_6161_3C61_6161) == true)
    }
}
