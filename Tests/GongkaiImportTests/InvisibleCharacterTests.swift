import Foundation
import GongkaiCore
import Testing
@testable import GongkaiImport

/// Issue #31, item 9: zero-width and bidi characters pasted before `一、` silently turned the heading into body text
/// (the outline lost a topic). The heading is recognised all the same, and a warning names its line.
@Suite struct InvisibleCharacterTests {
    static let invisible: [Unicode.Scalar] = [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                              0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF].compactMap(Unicode.Scalar.init)

    @Test(arguments: invisible) func anInvisibleCharacterBeforeTheNumberingKeepsTheOutline(_ scalar: Unicode.Scalar) throws {
        let base = try VariantTests.baseline().0
        var lines = String(decoding: try TestSupport.source2024(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in [3, 27] { lines[index] = String(scalar) + lines[index] }   // 二、 (line 4) and 三、 (line 28)
        lines[29] = "\u{200C}\u{202E}" + lines[29]                               // two before 四、 (line 30)
        let (folder, plan) = try TestSupport.importInto(Array(lines.joined(separator: "\n").utf8))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(plan.outline.headingCounts == [4, 11, 14, 0])
        #expect(plan.outline.headings.map(\.level) == base.outline.headings.map(\.level))
        #expect(plan.pages.map(\.path) == base.pages.map(\.path))
        let warnings = plan.diagnostics.filter { $0.message.contains("invisible character") }.map(\.description)
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true)
        // U+200B and U+FEFF were already dropped with the line's white space (the heading was found); no warning.
        let dropped = scalar == "\u{200B}" || scalar == "\u{FEFF}"
        #expect(warnings.count == (dropped ? 1 : 3), "\(warnings)")
        #expect(dropped || warnings.contains { $0.hasPrefix("xiangcheng-2024.txt:4:1: warning: invisible character \(code) before the heading number `二、`") }, "\(warnings)")
        #expect(dropped || warnings.contains { $0.hasPrefix("xiangcheng-2024.txt:28:1: warning: invisible character \(code) before the heading number `三、`") }, "\(warnings)")
        #expect(warnings.contains { $0.hasPrefix("xiangcheng-2024.txt:30:1: warning: invisible character U+200C U+202E before the heading number `四、`") }, "\(warnings)")
    }

    @Test func theMarkerKeepsTheHiddenCharactersInItsNumbering() throws {
        let marker = try #require(HeadingMarker.match("\u{200B}（二）推动政府"))
        #expect(marker.level == 2 && marker.number == 2)
        #expect(marker.numbering == "\u{200B}（二）")
        #expect(marker.hiddenPrefix == "\u{200B}")
        #expect(HeadingMarker.match("\u{200B}") == nil)
        #expect(HeadingMarker.match("\u{200B}正文") == nil)
        #expect(HeadingMarker.match("一、标题")?.hiddenPrefix == "")
    }
}
