import Foundation
import GongkaiCore
import Testing
@testable import GongkaiImport

/// Saved portal pages: the article, not the page around it; the metadata table into report.yaml (requirement 2).
@Suite struct HTMLImportTests {
    /// A page as 政务公开 portals lay it out: header and navigation, breadcrumbs, the metadata table, the title, a tool
    /// bar, the article (with a table and bold), related links and the footer. `charset` goes into the meta tag.
    static func page(charset: String) -> String {
        """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=\(charset)">
        <title>项城市2023年法治政府建设年度报告-项城市人民政府</title>
        <script>var a = "一、脚本里的文字";</script><style>.x{color:red}</style></head>
        <body>
        <div class="header"><div class="top">今天是:2024年3月1日 星期五 农历正月二十一</div>
        <ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hd/">互动交流</a></li>
        <li><a href="/fw/">政务服务</a></li><li><a href="/zt/">专题专栏</a></li></ul></div>
        <div class="breadcrumb">您所在的位置:<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 工作报告</div>
        <div class="main">
        <table class="xxgk"><tr><td>索引号:</td><td>11411681/2024-00008</td><td>发文机关:</td><td>项城市人民政府</td></tr>
        <tr><td>标题:</td><td colspan="3">项城市2023年法治政府建设年度报告</td></tr>
        <tr><td>发文字号:</td><td>项政〔2024〕2号</td><td>发布时间:</td><td>2024年02月27日</td></tr></table>
        <h1 class="title">项城市2023年法治政府建设年度报告</h1>
        <div class="info">文章来源:市司法局 更新时间:2024/02/27 09:30:00 浏览次数:<span id="c">88</span></div>
        <div class="tools">字号:【<a href="#">大</a>】【<a href="#">中</a>】【<a href="#">小</a>】 <a href="javascript:print()">打印本页</a></div>
        <div id="zoom" class="TRS_Editor">
        <p style="text-indent:2em">2023年,项城市坚持以习近平法治思想为指导,扎实推进法治政府建设。现将有关情况报告如下:</p>
        <p><strong>一、主要举措和成效</strong></p>
        <p>(一)深入学习贯彻习近平法治思想。组织专题学习<b>16次</b>,全市机关应学尽学。
        </p>
        <p>(二)加强行政执法监督。全年评查案卷120卷。</p>
        <table border="1"><tr><th>项目</th><th>2023年</th></tr><tr><td>行政复议案件</td><td>109件</td></tr></table>
        <p>二、存在的不足</p><p>法治宣传的针对性有待加强。</p>
        <p style="text-align:right">项城市人民政府<br>2024年2月27日</p>
        </div>
        <div class="bottom-tools"><a href="javascript:window.close()">关闭窗口</a></div>
        <div class="related"><h3>相关链接</h3><ul><li><a href="/a">项城市2022年法治政府建设年度报告</a></li><li><a href="/b">关于印发…的通知</a></li></ul></div>
        </div>
        <div class="footer"><p>主办单位:项城市人民政府办公室</p><p>网站标识码:4116810001 豫ICP备05012345号-1</p>
        <p><img src="ga.png">豫公网安备 41168102000001号</p></div>
        </body></html>
        """
    }

    static func expectArticle(_ plan: ImportPlan, folder: URL, metadataLine: String = "索引号: 11411681/2024-00008 发文机关: 项城市人民政府") throws {
        let m = plan.metadata
        #expect(m.title == "项城市2023年法治政府建设年度报告")
        #expect(m.indexNumber == "11411681/2024-00008")
        #expect(m.publisher == "项城市人民政府")
        #expect(m.documentNumber == "项政〔2024〕2号")
        #expect(m.published == "2024-02-27")
        #expect(m.written == "2024-02-27")
        #expect(m.year == 2023)
        #expect(m.series == "法治政府建设年度报告")
        #expect(TestSupport.outlineSignature(plan.outline) == [
            "1 一、 主要举措和成效", "2 (一) 深入学习贯彻习近平法治思想", "2 (二) 加强行政执法监督", "1 二、 存在的不足",
        ])
        let files = try TestSupport.files(in: folder)
        let all = files.filter { $0.key.hasSuffix(".md") }.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for chrome in ["今天是", "首页", "政务公开", "您所在的位置", "索引号", "文章来源", "字号", "打印本页", "关闭窗口", "相关链接",
                       "2022年法治政府", "主办单位", "网站标识码", "ICP", "公网安备", "脚本"] {
            #expect(!all.contains(chrome), "\(chrome) is not the article's")
        }
        let one = String(decoding: try #require(files["01.md"]), as: UTF8.self)
        #expect(one.contains("组织专题学习**16次**,全市机关应学尽学。"))
        #expect(one.contains("| 项目 | 2023年 |\n| --- | --- |\n| 行政复议案件 | 109件 |"))
        // --dry-run lists what the page shows around the article, and the metadata table's lines.
        #expect(plan.listing.contains("dropped\toutside the article\t您所在的位置:首页 > 政务公开 > 工作报告\t0\n"))
        #expect(plan.listing.contains("dropped\toutside the article\t网站标识码:4116810001 豫ICP备05012345号-1\t0\n"))
        #expect(plan.listing.contains("dropped\tmetadata 索引号\t\(metadataLine)\t1\n"))
        #expect(plan.listing.contains("metadata\tindex_number\t11411681/2024-00008\n"))
    }

    @Test func gb2312Page() throws {
        let bytes = try #require(TestSupport.encode(Self.page(charset: "gb2312"), as: "GB2312"))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the page is not UTF-8")
        let (folder, plan) = try TestSupport.importInto(bytes, path: "xiangcheng-2023.htm")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(plan.source.encoding == .gb18030)
        #expect(plan.source.format == .html)
        try Self.expectArticle(plan, folder: folder)
    }

    @Test func utf8PageWithoutExtension() throws {
        let (folder, plan) = try TestSupport.importInto(Array(Self.page(charset: "utf-8").utf8), path: "xiangcheng-2023")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(plan.source.encoding == .utf8)
        try Self.expectArticle(plan, folder: folder)
    }

    /// The metadata as a list of spans above the article, as other portals lay it out.
    @Test func metadataListOutsideTheArticle() throws {
        let table = """
            <table class="xxgk"><tr><td>索引号:</td><td>11411681/2024-00008</td><td>发文机关:</td><td>项城市人民政府</td></tr>
            <tr><td>标题:</td><td colspan="3">项城市2023年法治政府建设年度报告</td></tr>
            <tr><td>发文字号:</td><td>项政〔2024〕2号</td><td>发布时间:</td><td>2024年02月27日</td></tr></table>
            """
        let list = """
            <ul class="xxgk-info"><li><label>索引号</label><span>11411681/2024-00008</span></li>
            <li><label>发文机关</label><span>项城市人民政府</span></li><li><label>标题</label><span>项城市2023年法治政府建设年度报告</span></li>
            <li><label>发文字号</label><span>项政〔2024〕2号</span></li><li><label>发布时间</label><span>2024-02-27</span></li></ul>
            """
        let html = Self.page(charset: "utf-8").replacingOccurrences(of: table, with: list)
        #expect(html != Self.page(charset: "utf-8"))
        let (folder, plan) = try TestSupport.importInto(Array(html.utf8), path: "xiangcheng-2023.html")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try Self.expectArticle(plan, folder: folder, metadataLine: "索引号 11411681/2024-00008")
    }

    @Test func charsetIsReadFromTheMetaTag() {
        #expect(HTMLReader.charset(Array("<meta charset=\"GBK\">".utf8)) == "GB18030")
        #expect(HTMLReader.charset(Array("<meta http-equiv=Content-Type content='text/html; charset=utf-8'>".utf8)) == "UTF-8")
        #expect(HTMLReader.charset(Array("<p>no meta</p>".utf8)) == nil)
    }
}
