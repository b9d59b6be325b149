import Foundation
@testable import GongkaiCore
import Testing

@Suite struct TextEscapingTests {
    /// Appending escaped HTML gives `html(_:)`'s bytes, after whatever the buffer held, for escapes at every place.
    @Test func appendedHTMLEqualsHTML() {
        let pool = ["&", "<", ">", "\"", "'", "项", "a", "\n", "&amp;", "\u{301}", "𠀋"]
        var state: UInt64 = 3
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int(state % 9) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pool[Int((state >> 33) % UInt64(pool.count))]
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var out: [UInt8] = [0x78]
            TextEscaping.appendHTML(text, to: &out)
            #expect(out == [0x78] + Array(TextEscaping.html(text).utf8), "\(text)")
        }
    }

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

    /// The word-at-a-time scan must stop at every byte that needs an escape, wherever it falls in a word: texts of
    /// every length up to 40 built from escapes, CJK (including “” and other characters whose UTF-8 starts with
    /// 0xE2) and ASCII, each checked against an escaper written out per scalar.
    @Test func jsonEscapesAtEveryPositionOfAWord() {
        let pool: [Unicode.Scalar] = ["项", "城", "a", "0", " ", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "\u{2028}",
                                      "\u{2029}", "\u{2027}", "“", "”", "—", "€", "𠀋", "\u{80}", "é"]
        func reference(_ text: String) -> String {
            var out = "\""
            for v in text.unicodeScalars {
                switch v {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default: out += v.value < 0x20 ? "\\u" + String(repeating: "0", count: 4 - String(v.value, radix: 16).count) + String(v.value, radix: 16) : String(v)
                }
            }
            return out + "\""
        }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in 0...40 {
            for _ in 0..<60 {
                var scalars = String.UnicodeScalarView()
                for _ in 0..<length {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    // Mostly plain characters, so that whole words pass the fast test between escapes.
                    let pick = Int(seed >> 33)
                    scalars.append(pick % 4 == 0 ? pool[pick / 4 % pool.count] : (pick % 3 == 0 ? "a" : "项"))
                }
                let text = String(scalars)
                var bytes: [UInt8] = []
                Array(text.utf8).withUnsafeBufferPointer { TextEscaping.appendJSON(utf8: $0, to: &bytes) }
                #expect(String(decoding: bytes, as: UTF8.self) == reference(text), "\(Array(text.unicodeScalars))")
            }
        }
        // Every byte value, alone and at each position of a word.
        for value in UInt8(0)...UInt8(0x7F) {
            let u = Unicode.Scalar(value)
            for position in 0..<9 {
                let text = String(repeating: "x", count: position) + String(u) + String(repeating: "y", count: 8 - position)
                var bytes: [UInt8] = []
                Array(text.utf8).withUnsafeBufferPointer { TextEscaping.appendJSON(utf8: $0, to: &bytes) }
                #expect(String(decoding: bytes, as: UTF8.self) == reference(text))
            }
        }
        #expect(TextEscaping.mayNeedJSONEscape(0x6161_6161_6161_6161) == false)
        #expect(TextEscaping.mayNeedJSONEscape(0xE5_A1_B9_E5_A1_B9_E5_A1) == false) // CJK bytes without 0xE2
    }

    @Test func htmlAndYAML() {
        #expect(TextEscaping.html("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(TextEscaping.html("it's", apostrophe: false) == "it's")
        #expect(TextEscaping.yamlQuoted("标题: \"引号\"\n") == "\"标题: \\\"引号\\\"\\n\"")
    }
}
