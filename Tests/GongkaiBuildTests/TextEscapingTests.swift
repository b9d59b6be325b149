import Foundation
import GongkaiCore
import Testing

@Suite struct TextEscapingTests {
    @Test func jsonLiteralsParseBackToTheSameText() throws {
        for text in ["项城市“项快办”", "a\"b\\c", "line\nbreak\r\ttab", "\u{01}\u{1F}", "x\u{2028}y\u{2029}z", "", "2530项,99.15%"] {
            let literal = TextEscaping.json(text)
            let decoded = try JSONDecoder().decode(String.self, from: Data(literal.utf8))
            #expect(decoded == text)
            #expect(!literal.contains("\u{2028}") && !literal.contains("\n"))
        }
        #expect(TextEscaping.json("\u{01}") == "\"\\u0001\"")
        #expect(TextEscaping.json("a\u{2028}\u{2029}\u{2027}b\"") == "\"a\\u2028\\u2029\u{2027}b\\\"\"")
        var bytes: [UInt8] = [0x5B]
        Array("项\n城".utf8).withUnsafeBufferPointer { TextEscaping.appendJSON(utf8: $0, to: &bytes) }
        #expect(String(decoding: bytes, as: UTF8.self) == "[\"项\\n城\"")
    }

    @Test func htmlAndYAML() {
        #expect(TextEscaping.html("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(TextEscaping.html("it's", apostrophe: false) == "it's")
        #expect(TextEscaping.yamlQuoted("标题: \"引号\"\n") == "\"标题: \\\"引号\\\"\\n\"")
    }
}
