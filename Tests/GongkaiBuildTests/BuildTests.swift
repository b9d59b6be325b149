import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

@Suite struct BuildTests {
    @Test func buildsEveryPageKind() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        for path in ["index.html", "404.html", "sitemap/index.html", "r2024/index.html", "r2024/full/index.html",
                     "r2024/indicators/index.html", "r2024/01/index.html", "r2024/02/index.html", "r2024/02/01/index.html",
                     "r2024/02/02/index.html", "r2024/03/index.html", "assets/site.css", "manifest.json"] {
            #expect(site.output(path) != nil, "missing \(path)")
        }
        let home = try #require(site.output("index.html"))
        #expect(home.contains("测试市2024年法治政府建设年度报告"))
        #expect(home.contains("2024年,测试市坚持依法行政。"))
    }

    @Test func topicPageHasNavigation() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        let page = try #require(site.output("r2024/02/01/index.html"))
        // Section tree marks where we are, breadcrumbs lead home, prev/next follow reading order.
        #expect(page.contains(#"<li class="current"><a href="../../../r2024/02/01/" aria-current="page">(一)深入学习贯彻习近平法治思想</a></li>"#))
        #expect(page.contains(#"<li><a href="../../../r2024/02/">二、主要举措和成效</a></li>"#))
        #expect(page.contains(#"<a class="prev" href="../../../r2024/02/" rel="prev"><span class="label">上一篇</span> 二、主要举措和成效</a>"#))
        #expect(page.contains(#"<a class="next" href="../../../r2024/02/02/" rel="next"><span class="label">下一篇</span> (二)推动政府更好发挥职能作用</a>"#))
        // The heading keeps its full stop; page title, nav and breadcrumbs drop it.
        #expect(page.contains("<h1>(一)深入学习贯彻习近平法治思想。</h1>"))
        #expect(page.contains("<title>(一)深入学习贯彻习近平法治思想 – 测试市2024年法治政府建设年度报告 – 测试网站</title>"))
        #expect(page.contains(#"<h2 id="1深化行政执法体制改革">1.深化行政执法体制改革。</h2>"#))
        #expect(page.contains(#"<link rel="canonical" href="https://www.example.gov.cn/fzzfjs/r2024/02/01/">"#))
    }

    @Test func fullReportPageHoldsEverythingInOrderAtItsLevels() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        let page = try #require(site.output("r2024/full/index.html"))
        let body = try #require(page.range(of: #"<div class="report-body prose">"#)).upperBound
        let text = HTMLText.plain(String(page[body...].prefix { _ in true }))
        let order = ["2024年,测试市坚持依法行政。", "一、主要负责人履行职责情况", "市委主要领导带头学法16次。", "二、主要举措和成效",
                     "(一)深入学习贯彻习近平法治思想。", "一是编制清单。", "1.深化行政执法体制改革。", "(二)推动政府更好发挥职能作用。",
                     "三、存在的不足", "特此报告。", "2025年2月28日"]
        var cursor = text.startIndex
        for piece in order {
            let found = try #require(text.range(of: piece, range: cursor..<text.endIndex), "\(piece) out of order")
            cursor = found.upperBound
        }
        #expect(page.contains(#"<h2 id="一主要负责人履行职责情况">一、主要负责人履行职责情况</h2>"#))
        #expect(page.contains(#"<h3 id="一深入学习贯彻习近平法治思想">(一)深入学习贯彻习近平法治思想。</h3>"#))
        #expect(page.contains(#"<h4 id="1深化行政执法体制改革">1.深化行政执法体制改革。</h4>"#))
    }

    @Test func manifestListsEveryFileSortedWithHashes() throws {
        let site = try SiteFixture(smallSite)
        let result = try site.build()
        let data = try #require(site.output("manifest.json"))
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(data.utf8))
        let paths = manifest.files.map(\.path)
        #expect(paths == paths.sorted())
        #expect(Set(paths) == Set(result.files.map(\.path)).subtracting(["manifest.json"]))
        let topic = try #require(manifest.files.first { $0.path == "r2024/02/01/index.html" })
        #expect(topic.kind == "topic")
        #expect(topic.report == "r2024")
        #expect(topic.url == "/fzzfjs/r2024/02/01/")
        #expect(topic.sha256 == Manifest.sha256(Array((site.output("r2024/02/01/index.html") ?? "").utf8)))
        #expect(manifest.files.first { $0.path == "404.html" }?.kind == "404")
        #expect(manifest.files.first { $0.path == "assets/site.css" }?.kind == "asset")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let a = try SiteFixture(smallSite)
        let b = try SiteFixture(smallSite)
        try a.build()
        try b.build()
        let sa = a.snapshot(), sb = b.snapshot()
        #expect(sa.keys.sorted() == sb.keys.sorted())
        for (path, bytes) in sa { #expect(sb[path] == bytes, "\(path) differs") }
    }

    @Test func secondBuildWritesOnlyChangedFiles() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        let (_, unchanged) = try SiteBuilder(root: site.root).buildAndWrite()
        #expect(unchanged.written.isEmpty)
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n---\n仍存在一些不足,需要改进。\n")
        let (_, changed) = try SiteBuilder(root: site.root).buildAndWrite()
        // The two pages that show the text, the manifest, and the search shards holding the changed text.
        let pages = Set(changed.written.filter { !$0.hasPrefix("search/") })
        #expect(pages == ["r2024/03/index.html", "r2024/full/index.html", "manifest.json"])
        #expect(changed.written.count - pages.count <= 4, "\(changed.written)")
        try site.remove("content/r2024/03.md")
        let (_, removed) = try SiteBuilder(root: site.root).buildAndWrite()
        #expect(removed.removed.filter { !$0.hasPrefix("search/") } == ["r2024/03/index.html"])
        #expect(site.output("r2024/03/index.html") == nil)
    }

    @Test func valuesAreEscapedAndRawHTMLIsOmittedByDefault() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/03.md", "---\ntitle: \"三、<script>alert(1)</script>\"\n---\n<b>粗</b> <script>x()</script>\n")
        try site.build()
        let page = try #require(site.output("r2024/03/index.html"))
        #expect(page.contains("<h1>三、&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<b>粗</b>"))
        #expect(page.contains("raw HTML omitted"))
        try site.write("content/site.yaml", "title: 测试网站\nallow_raw_html: true\n")
        try site.build()
        #expect(try #require(site.output("r2024/03/index.html")).contains("<b>粗</b>"))
    }

    @Test func notFoundPageUsesTheBasePath() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        let page = try #require(site.output("404.html"))
        #expect(page.contains(#"href="/fzzfjs/assets/site.css""#))
        #expect(page.contains(#"<a href="/fzzfjs/sitemap/">"#))
    }

    @Test func fileSystemLinksEndInIndexHTML() throws {
        let site = try SiteFixture(smallSite)
        try site.build(BuildOptions(fileSystemLinks: true))
        let page = try #require(site.output("r2024/01/index.html"))
        #expect(page.contains(#"href="../../r2024/02/index.html""#))
        #expect(page.contains(#"href="../../index.html""#))
    }
}

/// Records progress calls from worker threads.
private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var calls: [(Int, Int)] = []
    func add(_ done: Int, _ total: Int) { lock.withLock { calls.append((done, total)) } }
}

@Suite struct ProgressTests {
    @Test func progressReachesTheTotal() throws {
        let site = try SiteFixture(smallSite)
        let log = ProgressLog()
        let result = try SiteBuilder(root: site.root, progress: BuildProgress { log.add($0, $1) }).build()
        let pages = result.model.pages.count
        #expect(log.calls.contains { $0 == (pages, pages) })
        #expect(log.calls.allSatisfy { $0.1 == pages && $0.0 <= pages })
    }
}

@Suite struct PageDetailTests {
    @Test func unknownValuesLeaveNoEmptyLabels() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/report.yaml", "title: 测试报告\nyear: 2024\nseries: 法治政府建设年度报告\npublished: TODO\n")
        try site.build()
        let home = try #require(site.output("index.html"))
        #expect(!home.contains("发布日期："))
        #expect(!home.contains("· 发布"))
        #expect(!(site.output("r2024/index.html") ?? "").contains("class=\"salutation\""))
    }

    @Test func tablesScrollInTheirOwnBoxOnPagesButRenderStaysPlain() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/03.md", "---\ntitle: 三、存在的不足\n---\n| 指标 | 数值 |\n|---|--:|\n| 事项 | 2530 |\n")
        try site.build()
        let page = try #require(site.output("r2024/03/index.html"))
        #expect(page.contains("<div class=\"table-wrap\" role=\"region\" aria-label=\"表格\" tabindex=\"0\">\n<table>"))
        #expect(page.contains("</table>\n</div>"))
    }
}

@Suite struct SearchSwitchTests {
    @Test func searchCanBeTurnedOff() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
        #expect(site.output("search/index.html") != nil)
        #expect((site.output("index.html") ?? "").contains("site-search"))
        try site.write("content/site.yaml", "title: 测试网站\nsearch: false\n")
        let result = try site.build()
        #expect(site.output("search/index.html") == nil)
        #expect(!result.files.contains { $0.path.hasPrefix("search/") })
        #expect(!(site.output("index.html") ?? "").contains("site-search"))
        #expect(OutputLinkChecker(basePath: "/").check(result.files).filter { $0.severity == .error }.isEmpty)
    }
}
