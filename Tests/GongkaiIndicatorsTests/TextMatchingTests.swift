import GongkaiCore
import Testing
@testable import GongkaiIndicators

@Suite struct TextMatchingTests {
    /// Line breaks (LF, CR, CR LF) are dropped and nothing else: a quote broken across lines still matches.
    @Test func normalizedDropsLineBreaksOnly() {
        #expect(TextMatching.normalized("全年为农民工\r\n追讨工资\n报酬2530\r万元") == "全年为农民工追讨工资报酬2530万元")
        #expect(TextMatching.normalized("") == "")
        #expect(TextMatching.normalized("\n\r\n") == "")
        #expect(TextMatching.normalized("e\u{301}\n👍🏽 a\tb") == "e\u{301}👍🏽 a\tb")
        let long = String(repeating: "项快办,", count: 5000) + "\n"
        #expect(TextMatching.normalized(long) == String(repeating: "项快办,", count: 5000))
        #expect(TextMatching.contains(TextMatching.normalized("追讨\n工资报酬2530万元"), "工资报酬2530万元"))
        #expect(!TextMatching.contains("追讨工资报酬2530万元", "2530万人"))
        #expect(UTF8Search.contains(long, "办,项快"))
        #expect(!UTF8Search.contains("项", "项城"))
    }
}
