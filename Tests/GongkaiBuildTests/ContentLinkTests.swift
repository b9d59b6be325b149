import Foundation
import GongkaiBuild
import GongkaiCore
import Testing

/// Links and images in Markdown are relative to the Markdown file in `content/` (#27 item 4), as an editor's preview
/// shows them; the output reaches the same page or file from where the page lands.
@Suite struct ContentLinkTests {
    /// Report `r`: an image beside `02.md`, a nested topic (`03/01.md`) with an image beside it and one in the folder
    /// above, `.md` links with anchors within the report and to report `s`, an opening linking a topic.
    static let site = """
    -- content/site.yaml --
    title: 测试网站
    base_url: https://www.example.gov.cn/fzzfjs/
    -- content/r/report.yaml --
    title: 测试市2024年报告
    year: 2024
    -- content/r/_index.md --
    开篇。见[附图](02.md#附图)。
    -- content/r/01.md --
    ---
    title: 一、总体情况
    ---
    ## 概况

    正文。
    -- content/r/02.md --
    ---
    title: 二、附图
    ---
    ## 附图

    ![示意图](tu1.png)

    见[总体情况](01.md#概况)和[去年](../s/01.md#要点)。
    -- content/r/03/_index.md --
    ---
    title: 三、分项
    ---
    -- content/r/03/01.md --
    ---
    title: （一）图表
    ---
    ![分项图](tu2.png) ![示意图](../tu1.png) [原件](../原件.pdf)
    -- content/s/report.yaml --
    title: 测试市2023年报告
    year: 2023
    -- content/s/01.md --
    ---
    title: 一、要点
    ---
    ## 要点

    正文。
    """

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]

    static func fixture(_ text: String = site) throws -> SiteFixture {
        let site = try SiteFixture(text)
        try site.write("content/r/tu1.png", bytes: png)
        try site.write("content/r/03/tu2.png", bytes: png + [4])
        try site.write("content/r/原件.pdf", bytes: Array("%PDF-1.4\n".utf8))
        return site
    }

    /// Every diagnostic of a build about links, as printed.
    static func linkLines(_ result: SiteBuilder.Result) -> [String] {
        result.diagnostics.filter { $0.message.contains("link") }.map { $0.line(.english) }
    }

    @Test func imageBesideItsMarkdownFileReachesThePublishedImage() throws {
        let site = try Self.fixture()
        let result = try site.build()
        #expect(Self.linkLines(result) == [])
        let page = try #require(site.output("r/02/index.html"))
        #expect(page.contains(#"<img src="../../r/tu1.png" alt="示意图" />"#), "\(page)")
        #expect(FileManager.default.contents(atPath: site.root.appendingPathComponent("public/r/tu1.png").path) == Data(Self.png))
        // Nested: beside it, in the folder above, a PDF there.
        let nested = try #require(site.output("r/03/01/index.html"))
        #expect(nested.contains(#"<img src="../../../r/03/tu2.png" alt="分项图" />"#), "\(nested)")
        #expect(nested.contains(#"<img src="../../../r/tu1.png" alt="示意图" />"#))
        #expect(nested.contains(#"<a href="../../../r/%E5%8E%9F%E4%BB%B6.pdf">原件</a>"#))
        #expect(FileManager.default.contents(atPath: site.root.appendingPathComponent("public/r/03/tu2.png").path) == Data(Self.png + [4]))
        // The full text shows both bodies on another page: their links still reach the images.
        let full = try #require(site.output("r/full/index.html"))
        #expect(full.contains(#"<img src="../../r/tu1.png" alt="示意图" />"#))
        #expect(full.contains(#"<img src="../../r/03/tu2.png" alt="分项图" />"#))
        // Used by pages: not listed as attachments.
        let overview = try #require(site.output("r/index.html"))
        #expect(!overview.contains(">tu1.png</a>") && !overview.contains(">原件.pdf</a>"))
    }

    @Test func markdownLinkBecomesThePagesURLWithItsAnchor() throws {
        let site = try Self.fixture()
        let result = try site.build()
        #expect(Self.linkLines(result) == [])
        let page = try #require(site.output("r/02/index.html"))
        #expect(page.contains(#"<a href="../../r/01/#%E6%A6%82%E5%86%B5">总体情况</a>"#), "\(page)")
        #expect(page.contains(#"<a href="../../s/01/#%E8%A6%81%E7%82%B9">去年</a>"#))
        // The opening, on the report's overview and on the full text.
        #expect(try #require(site.output("r/index.html")).contains(#"<a href="../r/02/#%E9%99%84%E5%9B%BE">附图</a>"#))
        #expect(try #require(site.output("r/full/index.html")).contains(#"<a href="../../r/02/#%E9%99%84%E5%9B%BE">附图</a>"#))
    }

    @Test func anchorOfAMarkdownLinkIsChecked() throws {
        let site = try Self.fixture(Self.site.replacingOccurrences(of: "(01.md#概况)", with: "(01.md#没有)"))
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("content/r/02.md:8:2: error: broken anchor `#没有` in link `01.md#没有`: /r/01/ has no such heading"), "\(errors)")
    }

    @Test func fileLinksEndFolderLinksInIndexHTML() throws {
        let site = try Self.fixture()
        try site.build(BuildOptions(fileSystemLinks: true))
        let page = try #require(site.output("r/02/index.html"))
        #expect(page.contains(#"<a href="../../r/01/index.html#%E6%A6%82%E5%86%B5">总体情况</a>"#), "\(page)")
        #expect(page.contains(#"<img src="../../r/tu1.png" alt="示意图" />"#))
        // Moved onto the full text, the link keeps its index.html.
        let full = try #require(site.output("r/full/index.html"))
        #expect(full.contains(#"<a href="../../r/01/index.html#%E6%A6%82%E5%86%B5">总体情况</a>"#), "\(full)")
        #expect(full.contains(#"<a href="../../r/02/index.html#%E9%99%84%E5%9B%BE">附图</a>"#))
    }

    @Test func oldStyleLinkStillWorksWithAWarning() throws {
        let site = try Self.fixture(Self.site.replacingOccurrences(of: "![示意图](tu1.png)", with: "![示意图](../tu1.png)"))
        let result = try site.build()
        // As written: relative to the page /r/02/, it reaches /r/tu1.png.
        #expect(try #require(site.output("r/02/index.html")).contains(#"<img src="../tu1.png" alt="示意图" />"#))
        #expect(Self.linkLines(result) == [
            "content/r/02.md:6:1: warning: link `../tu1.png` is written relative to the page's address (it reaches content/r/tu1.png); links are now relative to the Markdown file: write `tu1.png`",
        ])
    }

    /// `gongkai import` puts a page's images in its own folder (`01.md` → `01/image1.png`, linked `image1.png`): found
    /// there, without a warning, as before.
    @Test func imageInThePagesOwnFolderAsImportWritesIt() throws {
        let site = try Self.fixture(Self.site.replacingOccurrences(of: "## 概况\n", with: "## 概况\n\n![柱状图](image1.png)\n"))
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/r/01"), withIntermediateDirectories: true)
        try site.write("content/r/01/image1.png", bytes: Self.png)
        let result = try site.build()
        #expect(Self.linkLines(result) == [])
        #expect(try #require(site.output("r/01/index.html")).contains(#"<img src="image1.png" alt="柱状图" />"#))
        #expect(try #require(site.output("r/full/index.html")).contains(#"<img src="../../r/01/image1.png" alt="柱状图" />"#))
    }

    @Test func linkThatNowReachesAnotherFileSaysSo() throws {
        let site = try Self.fixture()
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/r/02"), withIntermediateDirectories: true)
        try site.write("content/r/02/tu1.png", bytes: Self.png + [9])
        let result = try site.build()
        #expect(try #require(site.output("r/02/index.html")).contains(#"<img src="../../r/tu1.png" alt="示意图" />"#))
        #expect(Self.linkLines(result) == [
            "content/r/02.md:6:1: warning: link `tu1.png` now reaches content/r/tu1.png, relative to the Markdown file's folder, no longer content/r/02/tu1.png; to link that, write `02/tu1.png`",
        ])
    }

    @Test func brokenLinkSaysWhatWasLookedForAndDidYouMean() throws {
        let site = try Self.fixture(Self.site.replacingOccurrences(of: "![示意图](../tu1.png)", with: "![示意图](tu1.png)"))
        let error = try #require(site.buildErrors())
        #expect(error.contains("content/r/03/01.md:4:17: error: broken link `tu1.png`: there is no content/r/03/tu1.png (a link is relative to its Markdown file's folder); did you mean `../tu1.png`?"), "\(error)")
        // No file of that name anywhere in the report: no guess.
        let other = try Self.fixture(Self.site.replacingOccurrences(of: "![示意图](../tu1.png)", with: "![示意图](tu9.png)"))
        let errors = try #require(other.buildErrors())
        #expect(errors.contains("content/r/03/01.md:4:17: error: broken link `tu9.png`: there is no content/r/03/tu9.png (a link is relative to its Markdown file's folder)"), "\(errors)")
        #expect(!errors.contains("did you mean"))
    }

    @Test func brokenLinkInChinese() throws {
        let site = try Self.fixture(Self.site.replacingOccurrences(of: "[去年](../s/01.md#要点)", with: "[去年](s/01.md)"))
        do {
            try site.build()
            Issue.record("the build should fail")
        } catch {
            let lines = error.diagnostics.map { $0.line(.chinese) }
            #expect(lines.contains("content/r/02.md:8:19: 错误: 链接 `s/01.md` 无效：没有 content/r/s/01.md 这个文件（链接相对于 .md 文件所在的文件夹）；是不是要写 `01.md`？"), "\(lines)")
        }
    }

    @Test func rawHTMLSourceIsRelativeToTheMarkdownFileToo() throws {
        let text = Self.site.replacingOccurrences(of: "base_url: https://www.example.gov.cn/fzzfjs/", with: "base_url: https://www.example.gov.cn/fzzfjs/\nallow_raw_html: true")
            .replacingOccurrences(of: "![示意图](tu1.png)", with: #"<img src="tu1.png" alt="示意图">"#)
        let site = try Self.fixture(text)
        _ = try SiteBuilder(root: site.root).write()  // what `gongkai build` does (streaming)
        #expect(try #require(site.output("r/02/index.html")).contains(#"<img src="../../r/tu1.png" alt="示意图">"#))
    }

    @Test func streamingBuildRewritesLinksAsWell() throws {
        let site = try Self.fixture()
        let report = try SiteBuilder(root: site.root).write()
        #expect(report.diagnostics.filter { $0.message.contains("link") } == [])
        #expect(try #require(site.output("r/03/01/index.html")).contains(#"<img src="../../../r/03/tu2.png" alt="分项图" />"#))
        #expect(try #require(site.output("r/full/index.html")).contains(#"<a href="../../s/01/#%E8%A6%81%E7%82%B9">去年</a>"#))
    }

    @Test func catalogueHasBothLanguages() {
        #expect(CatalogueAudit.problems(in: LinkText.self) == [])
    }

    /// The real site (no relative links) builds to the same bytes as before links were read relative to their file.
    @Test func linksOfOtherKindsAreLeftAsWritten() throws {
        let site = try SiteFixture(smallSite + "\n-- content/r2024/04.md --\n---\ntitle: 四、其他\n---\n见[第二部分](../02/)、[全文](../full/#二主要举措和成效)、[开篇](../)和[外部](https://www.gov.cn/)。\n")
        let result = try site.build()
        #expect(Self.linkLines(result) == [])
        let page = try #require(site.output("r2024/04/index.html"))
        #expect(page.contains(#"<a href="../02/">第二部分</a>"#) && page.contains(#"<a href="../">开篇</a>"#) && page.contains(#"<a href="https://www.gov.cn/">外部</a>"#))
    }
}
