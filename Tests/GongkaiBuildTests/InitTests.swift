import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

@Suite struct InitTests {
    @Test func newSiteBuildsAsItIs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-init-\(UUID().uuidString)")
        let written = try SiteInitializer(directory: dir).run()
        #expect(written.contains("content/site.yaml"))
        let (result, _) = try SiteBuilder(root: dir).buildAndWrite()
        #expect(result.files.contains { $0.path == "example-2025/01/index.html" })
        // Every field the config reader knows is in the commented config.
        let yaml = try String(contentsOf: dir.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        for key in ["title:", "base_url:", "organisation:", "undertaker:", "menu:", "phone:", "address:", "email:", "site_code:", "icp:", "police:", "party_gov_url:", "error_report_url:"] {
            #expect(yaml.contains(key), "\(key) missing")
        }
        // The publishing check names the TODO fields.
        let findings = try SiteBuilder(root: dir, publishingChecks: true).build().diagnostics
        let organisation = try #require(findings.first { $0.message.contains("site config `organisation` is marked TODO") })
        #expect(organisation.location.path == "content/site.yaml")
        #expect(organisation.location.line == 9)
    }

    @Test func refusesToWriteOverASite() throws {
        let site = try SiteFixture(smallSite)
        let before = try String(contentsOf: site.root.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        #expect(throws: DiagnosticError.self) { try SiteInitializer(directory: site.root).run() }
        #expect(try String(contentsOf: site.root.appendingPathComponent("content/site.yaml"), encoding: .utf8) == before)
    }

    /// The theme embedded for `init` must be the theme in `theme/` (run scripts/embed-theme.py after editing it).
    @Test func embeddedThemeMatchesThemeFolder() throws {
        let themeURL = SiteFixture.repositoryRoot.appendingPathComponent("theme")
        var onDisk: [String: [UInt8]] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: themeURL.path))
        for case let path as String in walker {
            var isDir: ObjCBool = false
            let url = themeURL.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue,
               !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                onDisk[path] = [UInt8](try Data(contentsOf: url))
            }
        }
        let embedded = Dictionary(uniqueKeysWithValues: DefaultTheme.decodedFiles().map { ($0.path, $0.bytes) })
        #expect(embedded.keys.sorted() == onDisk.keys.sorted(), "run scripts/embed-theme.py")
        let differing = onDisk.filter { embedded[$0.key] != $0.value }.keys.sorted()
        #expect(differing.isEmpty, "differ from theme/: \(differing) — run scripts/embed-theme.py")
    }
}
