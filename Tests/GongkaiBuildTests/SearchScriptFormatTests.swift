import Foundation
import GongkaiCore
import GongkaiSearch
import Testing
@testable import GongkaiBuild

/// A theme whose search script reads another index format than the build writes (a site made by an older
/// `gongkai init`) is warned about at the script's format line, with how to update it.
@Suite struct SearchScriptFormatTests {
    /// The warnings a build of the search site gives about theme/assets/search.js.
    static func scriptWarnings(_ site: SiteFixture) throws -> [Diagnostic] {
        try site.build().diagnostics.filter { $0.location.path == "theme/assets/search.js" }
    }

    @Test func theShippedScriptReadsTheFormatTheBuildWrites() throws {
        let site = try SiteFixture(searchSite)
        #expect(try Self.scriptWarnings(site).isEmpty)
        let script = try String(contentsOf: SiteFixture.repositoryRoot.appendingPathComponent("theme/assets/search.js"), encoding: .utf8)
        #expect(script.contains("  var INDEX_FORMAT = \(SearchIndexFile.format);\n"))
        #expect(SearchScriptFormatCheck.format(in: Array(script.utf8)).format == SearchIndexFile.format)
    }

    @Test func aScriptWithoutAFormatLineIsFormatOneAndWarnedAtItsStart() throws {
        let site = try SiteFixture(searchSite)
        try site.write("theme/assets/search.js", "// an old copy\n(function () {\n  var MAX_KEYS = 6;\n})();\n")
        let warnings = try Self.scriptWarnings(site)
        #expect(warnings.count == 1)
        let w = try #require(warnings.first)
        #expect(w.severity == .warning && w.location.line == 1 && w.location.column == 1)
        let english = w.message
        #expect(english.contains("format 1") && english.contains("format \(SearchIndexFile.format)") && english.contains("gongkai init"))
        #expect(w.text.text(.chinese).contains("第 1 版"))
    }

    @Test func anotherFormatIsWarnedAtItsNumber() throws {
        let site = try SiteFixture(searchSite)
        try site.write("theme/assets/search.js", "(function () {\n  \"use strict\";\n  var INDEX_FORMAT = 7;\n})();\n")
        let w = try #require(try Self.scriptWarnings(site).first)
        #expect(w.location.line == 3 && w.location.column == 22)
        #expect(w.message.contains("format 7"))
    }

    @Test func aThemeWithoutASearchScriptIsNotWarned() throws {
        let site = try SiteFixture(searchSite)
        try site.remove("theme/assets/search.js")
        #expect(SearchScriptFormatCheck.findings(assets: [], themePath: "theme").isEmpty)
        #expect(try site.build().diagnostics.allSatisfy { !$0.location.path.hasSuffix("search.js") })
    }
}
