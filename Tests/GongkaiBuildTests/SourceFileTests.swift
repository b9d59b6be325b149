import Foundation
import GongkaiCore
import Testing
@testable import GongkaiBuild

@Suite struct SourceFileTests {
    /// A UTF-8 BOM is dropped and CR LF and lone CR line ends become LF; text without CR is kept as it is.
    @Test func decodeDropsTheBOMAndNormalizesLineEnds() throws {
        func decoded(_ text: String, bom: Bool = false) throws -> String {
            try SourceFile.decode(bytes: (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8), displayPath: "content/a.md").text
        }
        #expect(try decoded("项城市\r\n法治\r政府\n") == "项城市\n法治\n政府\n")
        #expect(try decoded("\r") == "\n")
        #expect(try decoded("项城市\n法治", bom: true) == "项城市\n法治")
        #expect(try decoded("e\u{301}\r\n") == "e\u{301}\n")
        #expect(try decoded("") == "")
    }

    /// Bytes that are not UTF-8 are an error naming the file, line and column.
    @Test func invalidUTF8NamesItsPlace() {
        #expect {
            try SourceFile.decode(bytes: Array("项城\r\n市".utf8) + [0xFF], displayPath: "content/a.md")
        } throws: { error in
            guard let error = error as? DiagnosticError, let d = error.diagnostics.first else { return false }
            return d.location.path == "content/a.md" && d.location.line == 2 && d.message.contains("not valid UTF-8")
        }
    }
}

@Suite struct FullStopTests {
    /// `withoutFinalFullStop` drops trailing 。 exactly as the Unicode-aware definition does, on every text made of
    /// up to four pieces from an alphabet with combining and prepended marks, joiners and look-alikes.
    @Test func agreesWithTheUnicodeAwareDefinition() {
        func reference(_ text: String) -> String {
            var s = text
            while s.hasSuffix("。") { s.removeLast() }
            return s
        }
        let pieces = ["", "。", "项", "a", "\u{301}", "\u{600}", "\u{200D}", "．", "\u{3002}\u{301}", "\u{FE0F}", " "]
        var texts = [""]
        for _ in 0..<4 { texts = texts.flatMap { t in pieces.map { t + $0 } } }
        for text in Set(texts) {
            #expect(text.withoutFinalFullStop == reference(text), "\(Array(text.unicodeScalars))")
        }
        #expect("一、总体情况。。".withoutFinalFullStop == "一、总体情况")
    }
}
