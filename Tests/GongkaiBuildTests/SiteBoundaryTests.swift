import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// Issue #31, items 2 and 9: nothing outside the site folder is read or published, whatever links point where, and
/// no file is skipped without a word. Each attack of the red team, then the files that used to vanish silently.
@Suite struct SiteBoundaryTests {
    /// A folder outside the site with a secret in it.
    static func outside() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data("SECRET-KEY-0123".utf8).write(to: url.appendingPathComponent("secret.key"))
        return url
    }

    static func link(_ site: SiteFixture, _ path: String, to target: String) throws {
        let url = site.root.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// Fails the build, names `expected`, leaves `public/` as it was, and never shows the secret.
    static func expectRefused(_ site: SiteFixture, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let before = site.snapshot()
        let errors = try #require(site.buildErrors(), "build should fail", sourceLocation: sourceLocation)
        for text in expected { #expect(errors.contains(text), "\(errors)", sourceLocation: sourceLocation) }
        #expect(!errors.contains("SECRET") && !errors.contains("root:x:0:0"), "\(errors)", sourceLocation: sourceLocation)
        #expect(site.snapshot() == before, "public/ changed", sourceLocation: sourceLocation)
        var streamed = ""
        do { _ = try SiteBuilder(root: site.root).write() } catch { streamed = error.description }
        for text in expected { #expect(streamed.contains(text), "streaming: \(streamed)", sourceLocation: sourceLocation) }
        #expect(site.snapshot() == before, "public/ changed (streaming)", sourceLocation: sourceLocation)
    }

    @Test func aLinkedFolderInAReportIsNotPublished() throws {
        let site = try SiteFixture(smallSite), out = try Self.outside()
        try site.build()
        try Self.link(site, "content/r2024/leak", to: out.path)
        try Self.expectRefused(site, ["content/r2024/leak:1:1: error: symbolic link points outside the site"])
    }

    @Test func aLinkedReportFolderIsNotRead() throws {
        let site = try SiteFixture(smallSite), out = try Self.outside()
        try Data("title: 外部\nyear: 2023\n".utf8).write(to: out.appendingPathComponent("report.yaml"))
        try site.build()
        try Self.link(site, "content/r2023", to: out.path)
        try Self.expectRefused(site, ["content/r2023:1:1: error: symbolic link points outside the site"])
    }

    @Test func aPartialLinkedToEtcPasswdIsAnError() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        try Self.link(site, "theme/templates/partials/footer.mustache", to: "/etc/passwd")
        try Self.expectRefused(site, ["theme/templates/partials/footer.mustache:1:1: error: symbolic link points outside the site (to /etc/passwd)"])
        #expect(site.buildErrors()?.contains("does not exist") == false, "only the link's own error")
    }

    @Test func aLinkedLayoutSiteYAMLReportYAMLIndexAndIndicatorsAreErrors() throws {
        let site = try SiteFixture(smallSite), out = try Self.outside()
        try site.build()
        let secret = out.appendingPathComponent("secret.key").path
        try Self.link(site, "theme/templates/layout.mustache", to: secret)
        try Self.expectRefused(site, ["theme/templates/layout.mustache:1:1: error: symbolic link points outside the site"])
        try site.remove("theme/templates/layout.mustache")
        try FileManager.default.copyItem(at: SiteFixture.repositoryRoot.appendingPathComponent("theme/templates/layout.mustache"),
                                         to: site.root.appendingPathComponent("theme/templates/layout.mustache"))
        try Self.link(site, "content/site.yaml", to: secret)
        try Self.expectRefused(site, ["content/site.yaml:1:1: error: symbolic link points outside the site"])
        try site.remove("content/site.yaml")
        try site.write("content/site.yaml", "title: 测试网站\n")
        try Self.link(site, "content/r2024/report.yaml", to: secret)
        try Self.link(site, "content/r2024/indicators.yaml", to: secret)
        try Self.expectRefused(site, ["content/r2024/report.yaml:1:1: error: symbolic link points outside the site"])
        try site.remove("content/r2024/report.yaml")
        try site.write("content/r2024/report.yaml", "title: 测试\nyear: 2024\n")
        try Self.link(site, "content/r2024/_index.md", to: secret)
        try Self.expectRefused(site, ["content/r2024/_index.md:1:1: error: symbolic link points outside the site",
                                      "content/r2024/indicators.yaml:1:1: error: symbolic link points outside the site"])
        let errors = site.buildErrors() ?? ""
        #expect(errors.components(separatedBy: "content/r2024/_index.md:1:1").count == 2, "reported once: \(errors)")
    }

    @Test func aLinkedAssetsFolderIsAnErrorNotMissingCSS() throws {
        let site = try SiteFixture(smallSite), out = try Self.outside()
        try site.build()
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("theme/assets"), to: out.appendingPathComponent("assets"))
        try Self.link(site, "theme/assets", to: out.appendingPathComponent("assets").path)
        try Self.expectRefused(site, ["theme/assets:1:1: error: symbolic link points outside the site"])
    }

    @Test func contentAndThemeThemselvesMustNotBeLinksOut() throws {
        let site = try SiteFixture(smallSite), out = try Self.outside()
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("theme"), to: out.appendingPathComponent("theme"))
        try Self.link(site, "theme", to: out.appendingPathComponent("theme").path)
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("theme:1:1: error: symbolic link points outside the site"), "\(errors)")
    }

    /// Decided: a link to a file inside the site is followed (as before); a link to a folder is refused even inside,
    /// since it can make the walk go round in circles.
    @Test func aFolderLinkInsideTheSiteIsAnErrorAndSoIsALoop() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        try Self.link(site, "content/r2024/02/again", to: site.root.appendingPathComponent("content/r2024/02").path)
        try Self.expectRefused(site, ["content/r2024/02/again:1:1: error: symbolic link to a folder"])
    }

    @Test func aDanglingLinkAFIFOAndANonUTF8NameAreErrorsNamingThePath() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        try Self.link(site, "content/r2024/images/logo.png", to: "/nonexistent/logo.png")
        #expect(mkfifo(site.root.appendingPathComponent("theme/assets/pipe.css").path, 0o644) == 0)
        var name = Array((site.root.appendingPathComponent("content/r2024").path + "/").utf8)
        name += [0x62, 0xE9, 0x2E, 0x70, 0x6E, 0x67, 0]  // "b\xE9.png": Latin-1, not UTF-8
        let fd = name.withUnsafeBufferPointer { $0.baseAddress.map { open(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) } ?? -1 }
        #expect(fd >= 0)
        close(fd)
        try Self.expectRefused(site, [
            "content/r2024/images/logo.png:1:1: error: symbolic link points to nothing (to /nonexistent/logo.png)",
            "theme/assets/pipe.css:1:1: error: cannot read file: it is a named pipe (FIFO)",
            "content/r2024/b\u{FFFD}.png:1:1: error: file name is not valid UTF-8 (shown here with �; its bytes are 62 E9 2E 70 6E 67)",
        ])
    }

    @Test func aFileLinkInsideTheSiteIsStillFollowed() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/shared/logo.svg", "<svg/>")
        try Self.link(site, "content/r2024/images/logo.svg", to: site.root.appendingPathComponent("content/shared/logo.svg").path)
        try Self.link(site, "theme/assets/copy.css", to: "site.css")
        try site.build()
        #expect(site.output("r2024/images/logo.svg") == "<svg/>")
        #expect(site.output("assets/copy.css") == site.output("assets/site.css"))
    }
}
