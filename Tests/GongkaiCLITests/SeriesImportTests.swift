import Foundation
import Testing

/// The real 2024 report imported a second time as an earlier year, with some figures changed, into the real site:
/// `gongkai import` lines its figures up with the curated 2024 ids, and `gongkai build` shows the right comparisons
/// (issue #25). Runs the real binary on a copy of content/ and theme/.
@Suite struct SeriesImportTests {
    /// What is changed in the 2024 text to make "2023": the year, five figures and the date line.
    static let changes = [("2024年,项城市", "2023年,项城市"), ("学法16次", "学法14次"), ("2530项", "2400项"),
                          ("99.15%", "98.6%"), ("编制188名", "编制180名"), ("2025年2月28日", "2024年3月1日")]

    @Test func anEarlierYearImportedIntoTheRealSiteGivesTheRightComparison() throws {
        let root = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["content", "theme"] {
            try FileManager.default.copyItem(at: CLI.repositoryRoot.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        var text = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("content/xiangcheng-2024/source.txt"), encoding: .utf8)
        for (from, to) in Self.changes {
            let range = try #require(text.range(of: from), "\(from) is in the 2024 report")
            text.replaceSubrange(range, with: to)
        }
        try Data(text.utf8).write(to: root.appendingPathComponent("xiangcheng-2023.txt"))

        let imported = try CLI.run(["import", "xiangcheng-2023.txt"], in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        // The publisher is taken from the site's other 项城市 report, and said so.
        #expect(imported.stderr.contains("发布机构 (publisher) set to “项城市人民政府”"))
        let yaml = try String(contentsOf: root.appendingPathComponent("content/xiangcheng-2023/report.yaml"), encoding: .utf8)
        #expect(yaml.contains("publisher: \"项城市人民政府\"") && yaml.contains("year: 2023"))
        // Every drafted figure takes the curated 2024 id of the same sentence.
        #expect(imported.stdout.contains("figures: 96 drafted; 96 take the ids of the same figures in 2024 (content/xiangcheng-2024); 0 close matches to check; 0 new"))
        let draft = try String(contentsOf: root.appendingPathComponent("content/xiangcheng-2023/indicators.yaml"), encoding: .utf8)
        #expect(draft.contains("- id: \"zwfw-shixiang\"") && draft.contains("written: \"2400项\""))

        let built = try CLI.run(["build"], in: root)
        #expect(built.status == 0, "\(built.stderr)")
        func page(_ path: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent("public/\(path)"), encoding: .utf8)
        }
        let overview = try page("xiangcheng-2024/index.html")
        #expect(overview.contains(#"<span class="figure">2530项</span> <span class="figure-label">梳理政务服务事项</span> <span class="figure-change">较2023年 +130项</span>"#))
        #expect(overview.contains("较2023年 +0.55个百分点"))
        #expect(overview.contains(#"<a href="../xiangcheng-2023/">项城市2023年法治政府建设年度报告</a>"#))
        let services = try page("xiangcheng-2024/02/02/index.html")
        #expect(services.contains(#"<th scope="row">2023年</th><td class="num">2400项</td><td class="num">—</td>"#))
        #expect(services.contains(#"<th scope="row">2024年</th><td class="num">2530项</td><td class="num">+130项</td>"#))
        #expect(services.contains(#"<th scope="row">2024年</th><td class="num">188名</td><td class="num">+8名</td>"#))
        // An unchanged figure reads 持平; the 2023 report's own pages compare with nothing later.
        #expect(services.contains(#"<th scope="row">2024年</th><td class="num">37家</td><td class="num">持平</td>"#))
        #expect(!(try page("xiangcheng-2023/02/02/index.html")).contains("历年对比"))
        let home = try page("index.html")
        #expect(home.components(separatedBy: "<h3 class=\"publisher-name\">项城市人民政府</h3>").count == 2)
    }
}
