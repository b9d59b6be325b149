import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// Each mistake a new user makes gives `path:line:col: error: …` and leaves `public/` exactly as it was.
@Suite struct BuildErrorTests {
    private func expectFailureKeepsPublic(_ site: SiteFixture, _ contains: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let before = site.snapshot()
        let errors = try #require(site.buildErrors(), "build should fail", sourceLocation: sourceLocation)
        #expect(errors.contains(contains), "\(errors)", sourceLocation: sourceLocation)
        #expect(site.snapshot() == before, "public/ changed", sourceLocation: sourceLocation)
    }

    @Test func brokenFrontMatterYAML() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\norder: [1, 2\n---\n正文\n")
        try expectFailureKeepsPublic(site, "content/r2024/03.md:4:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts at line 3, column 8")
    }

    @Test func badIndentationInSiteConfig() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        try site.write("content/site.yaml", "title: 测试\nmenu:\n  - title: 首页\n   url: /\n")
        try expectFailureKeepsPublic(site, "content/site.yaml:4:")
    }

    /// A file copied from a report folder may not take a page's place, nor another copied file's: before, the
    /// later one silently replaced the other (and a rebuild compared against either).
    @Test func aCopiedFileInAPagesPlace() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        try site.write("content/r2024/index.html", "<p>ASSET</p>\n")
        try expectFailureKeepsPublic(site, "content/r2024/index.html:1:1: error: `content/r2024/index.html` would be copied to /r2024/index.html, which is also a page of the site (content/r2024/report.yaml); rename or move the file")
        do {
            _ = try SiteBuilder(root: site.root).write()
            Issue.record("the streaming build did not fail")
        } catch {
            #expect(error.description == site.buildErrors())
        }
        try site.remove("content/r2024/index.html")
        try site.write("content/r2024/full/index.html", "<p>ASSET</p>\n")
        try expectFailureKeepsPublic(site, "`content/r2024/full/index.html` would be copied to /r2024/full/index.html, which is also a page of the site")
        // A copied file where a page needs its folder; a copied file turned into a folder of copied files (builds).
        try site.remove("content/r2024/full")
        try site.write("content/r2024/full", "data\n")
        try expectFailureKeepsPublic(site, "content/r2024/full:1:1: error: `content/r2024/full` would be copied to /r2024/full, which is also the folder of /r2024/full/index.html (content/r2024/report.yaml); rename or move the file")
        try site.remove("content/r2024/full")
        try site.write("content/r2024/pics/a.png", "png\n")
        try site.build()
        try site.remove("content/r2024/pics/a.png")
        try site.write("content/r2024/pics/a.png/b.png", "png\n")
        // A report folder named `assets` whose folder takes the name of a theme file.
        try site.write("content/assets/report.yaml", "title: 附件\nyear: 2020\n")
        try site.write("content/assets/site.css/x.png", "png\n")
        let errors = site.buildErrors() ?? ""
        #expect(errors.contains("`content/assets/site.css/x.png` would be copied to /assets/site.css/x.png, which is also inside /assets/site.css, a copied file"), "\(errors)")
        #expect(errors.contains("`theme/assets/site.css` would be copied to /assets/site.css, which is also the folder of /assets/site.css/x.png"), "\(errors)")
    }

    @Test func missingTitle() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        try site.write("content/r2024/03.md", "---\norder: 3\n---\n正文\n")
        try expectFailureKeepsPublic(site, "content/r2024/03.md:2:1: error: missing required field `title`")
    }

    @Test func missingTemplate() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        try site.remove("theme/templates/topic.mustache")
        try expectFailureKeepsPublic(site, "theme/templates/topic.mustache:1:1: error: missing template `topic`")
    }

    @Test func missingPartial() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        try site.remove("theme/templates/partials/footer.mustache")
        try expectFailureKeepsPublic(site, "theme/templates/layout.mustache:")
        #expect(site.buildErrors()?.contains("uses partial `partials/footer`") == true)
    }

    @Test func brokenTemplateSyntax() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        try site.write("theme/templates/sitemap.mustache", "<h1>网站地图</h1>\n{{#reports}}\n<p>{{title}}</p>\n")
        try expectFailureKeepsPublic(site, "theme/templates/sitemap.mustache:")
        #expect(site.buildErrors()?.contains("error: template does not parse") == true)
    }

    @Test func duplicateSlug() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        try site.write("content/r2024/04.md", "---\ntitle: 四、安排\nslug: \"03\"\n---\n正文\n")
        try expectFailureKeepsPublic(site, "error: duplicate URL /r2024/03/")
        let errors = site.buildErrors() ?? ""
        #expect(errors.contains("content/r2024/04.md:2:8") || errors.contains("content/r2024/03.md:2:8"), "\(errors)")
    }

    @Test func nonUTF8File() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        // "第二行" in GB18030 on line 2.
        try site.write("content/r2024/03.md", bytes: Array("---\ntitle: 三\n---\nabc".utf8) + [0xB5, 0xDA, 0xB6, 0xFE] + [0x0A])
        try expectFailureKeepsPublic(site, "content/r2024/03.md:4:4: error: file is not valid UTF-8 (byte offset 22)")
    }

    /// The full-text page carries the opening's headings too: a link to one of them is not broken.
    @Test func linksToTheOpeningsHeadingsOnTheFullTextPageAreFound() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/_index.md", "## 总体情况\n\n开篇。\n")
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n---\n见[全文开篇](../full/#总体情况)和[无此锚点](../full/#没有这个)。\n")
        let errors = site.buildErrors() ?? ""
        #expect(!errors.contains("#总体情况"), "\(errors)")
        #expect(errors.contains("content/r2024/03.md:4:24: error: broken anchor `#没有这个`"), "\(errors)")
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n---\n见[全文开篇](../full/#总体情况)。\n")
        let result = try site.build()
        let full = try #require(result.file(at: "r2024/full/index.html"))
        #expect(String(decoding: full.bytes, as: UTF8.self).contains("id=\"总体情况\""))
    }

    /// A FIFO where a topic file should be is an error naming it, not a build that waits forever for a writer.
    @Test(.timeLimit(.minutes(1))) func aFIFOIsAnErrorNotAWait() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        #expect(mkfifo(site.root.appendingPathComponent("content/r2024/notes.md").path, 0o644) == 0)
        try expectFailureKeepsPublic(site, "content/r2024/notes.md:1:1: error: cannot read file")
    }

    /// A fragment that names a heading only through Unicode equivalence (here é decomposed) is a broken anchor, as
    /// browsers compare ids by code points, and the error says why; in the streaming build too.
    @Test func anAnchorInOtherCodePointsIsBrokenAndSaysWhy() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n---\n## Caf\u{E9}\n\n见[甲](#cafe\u{301})、[乙](#caf\u{E9})和[丙](#没有这个)。\n")
        var streamed = ""
        do { _ = try SiteBuilder(root: site.root).write() } catch { streamed = error.description }
        for errors in [site.buildErrors() ?? "", streamed] {
            let lines = errors.split(separator: "\n")
            #expect(lines.filter { $0.contains("error: broken anchor") }.count == 2, "\(errors)")
            #expect(lines.filter { $0.contains("other Unicode code points") }.count == 1, "\(errors)")
            #expect(errors.contains("content/r2024/03.md:6:24: error: broken anchor `#没有这个`"), "\(errors)")
            #expect(!lines.contains { $0.contains("没有这个") && $0.contains("other Unicode code points") }, "\(errors)")
        }
    }

    @Test func brokenLinkAndAnchor() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n---\n见[不存在](../99/)和[锚点](../01/#没有这个)。\n")
        try expectFailureKeepsPublic(site, "content/r2024/03.md:4:2: error: broken link `../99/`: no page at /r2024/99/")
        #expect(site.buildErrors()?.contains("content/r2024/03.md:4:") == true)
        #expect(site.buildErrors()?.contains("content/r2024/03.md:4:16: error: broken anchor `#没有这个`") == true)
    }

    @Test func manyErrorsAreReportedTogether() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/03.md", "---\norder: 3\n---\n正文\n")
        try site.write("content/r2024/01.md", "---\ntitle: [x\n---\n")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("content/r2024/01.md:"))
        #expect(errors.contains("content/r2024/03.md:2:1"))
    }

    @Test func foreignPublicFolderIsNotOverwritten() throws {
        let site = try SiteFixture(smallSite)
        try site.write("public/mine.txt", "用户自己的文件")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("public:1:1: error: public/ holds files that gongkai did not write (it has no manifest.json)"))
        #expect(site.output("mine.txt") == "用户自己的文件")
    }
}

@Suite struct SymlinkTests {
    @Test func symlinkLeadingOutsideTheSiteIsNeverPublished() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        let before = site.snapshot()
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/r2024/passwd.txt").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("theme/assets/hosts").path, withDestinationPath: "/etc/hosts")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("content/r2024/passwd.txt:1:1: error: symbolic link points outside the site"))
        #expect(errors.contains("theme/assets/hosts:1:1: error: symbolic link points outside the site"))
        #expect(site.snapshot() == before)
    }

    @Test func symlinkInsideTheSiteIsFine() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/shared/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/r2024/logo.svg").path,
                                                   withDestinationPath: site.root.appendingPathComponent("content/shared/logo.svg").path)
        try site.build()
        #expect(site.output("r2024/logo.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
    }
}
