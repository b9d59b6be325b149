import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// Issue #31, item 9: a page folder or a copied file where the build writes one of its own files (the feed, the
/// manifest, a report's open data) is reported at its source, not at `public:1:1` when the write fails.
@Suite struct GeneratedPathCollisionTests {
    @Test func aReportFolderNamedLikeTheFeedIsReportedAtItsReport() throws {
        for name in ["feed.xml", "manifest.json", "sitemap.xml", "robots.txt"] {
            let site = try SiteFixture(smallSite.replacingOccurrences(of: "-- content/r2024/", with: "-- content/\(name)/"))
            let expected = "content/\(name)/report.yaml:1:1: error: /\(name)/ would need a folder /\(name), where the site writes"
            let streamed: String
            do {
                _ = try SiteBuilder(root: site.root).write()
                streamed = ""
            } catch {
                streamed = error.description
            }
            #expect(streamed.hasPrefix(expected), "\(streamed)")
            #expect(!streamed.contains("public:1:1"))
            let inMemory = try #require(site.buildErrors())
            #expect(inMemory.hasPrefix(expected), "\(inMemory)")
            #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public").path))
        }
    }

    @Test func aCopiedFileWhereTheOpenDataGoesIsReportedAtTheFile() throws {
        let site = try SiteFixture(FirstBuildStreamingTests.site)
        try site.write("content/r2022/indicators.csv", "a,b\n")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("content/r2022/indicators.csv:1:1: error: `content/r2022/indicators.csv` would be copied to /r2022/indicators.csv, where the site writes the open data (CSV) of report r2022"), "\(errors)")
        try site.remove("content/r2022/indicators.csv")
        try site.write("content/r2022/indicators.json/readme.txt", "x\n")
        let nested = try #require(site.buildErrors())
        #expect(nested.contains("content/r2022/indicators.json/readme.txt:1:1: error: `content/r2022/indicators.json/readme.txt` would be copied to /r2022/indicators.json/readme.txt, where the site writes the open data (JSON) of report r2022 (/r2022/indicators.json)"), "\(nested)")
    }
}
