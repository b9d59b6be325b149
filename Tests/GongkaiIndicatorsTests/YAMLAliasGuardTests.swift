import Foundation
import GongkaiCore
import GongkaiYAML
import Testing
@testable import GongkaiIndicators

/// Issue #31, item 4: aliases are refused wherever YAML is read, before Yams composes the text.
@Suite(.timeLimit(.minutes(1))) struct YAMLAliasGuardTests {
    @Test func theGuardNamesTheFirstAliasLineAndColumnInCharacters() {
        do {
            try YAMLAliasGuard.check("标题: &x 值\n其他: [一, *x]\n", path: "f.yaml", firstLine: 5)
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix("f.yaml:6:9: error: YAML aliases"), "\(error.description)")
        }
    }

    @Test func textWithoutAliasesPasses() throws {
        try YAMLAliasGuard.check("a: \"*x\"\nb: '*y'\nc: x * y\nd: &anchor 1\n", path: "f.yaml")
        try YAMLAliasGuard.check("a: [unclosed\n*x", path: "f.yaml")  // does not parse: left to Yams
    }

    @Test func anAliasBombInIndicatorsYAMLIsAnErrorNotAMemoryExplosion() {
        var text = "indicators: []\nl0: &l0 [x,x,x,x,x,x,x,x,x]\n"
        for level in 1...9 { text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ",") + "]\n" }
        do {
            _ = try IndicatorFile.load(path: "content/r/indicators.yaml", text: text)
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix("content/r/indicators.yaml:3:10: error: YAML aliases"), "\(error.description)")
        }
    }
}
