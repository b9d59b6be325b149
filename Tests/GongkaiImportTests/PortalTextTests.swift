import Foundation
import GongkaiCore
import Testing
@testable import GongkaiImport

/// Plain text copied from a portal page, derived titles, --force and report ids (issue #26, requirement 4).
@Suite struct PortalTextTests {
    /// Text as copied from a portal page: date bar, breadcrumbs, the title twice, the source and time line, the
    /// tool bar, the 信息公开 metadata table, the report, related links and the footer.
    static let copied = """
        今天是:2019年10月31日 星期三 农历十月初七
        您所在的位置:政务公开 > 工作报告
        项城市2020年法治政府建设年度报告
        文章来源:司法局 更新时间:2021/03/29 11:30:01
        字号:【小】 【大】
        索引号:\t11411681/2021-00031\t发文机关:\t项城市人民政府
        标题:\t项城市2020年法治政府建设年度报告
        发文字号:\t项政〔2021〕5号\t发布时间:\t2021-03-29
        项城市2020年法治政府建设年度报告
        2020年,项城市坚持依法行政,各项工作取得良好成效。现将有关情况报告如下:
        一、主要工作
        (一)强化组织领导。成立领导小组,召开会议4次。
        (二)推进严格执法。全年办理行政处罚案件300件。
        二、下一步工作
        继续推进法治政府建设。
        项城市人民政府
        2021年3月29日
        打印本页 关闭窗口
        浏览次数:1024
        相关链接
        网站标识码:4116810001 豫ICP备05012345号 豫公网安备 41168102000001号
        """

    @Test func chromeIsDroppedAndTheMetadataTableFillsReportYAML() throws {
        let (folder, plan) = try TestSupport.importInto(Array(Self.copied.utf8), path: "xiangcheng-2020.txt")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let m = plan.metadata
        #expect(m.title == "项城市2020年法治政府建设年度报告")
        #expect(m.titleSource == .text)
        #expect(m.indexNumber == "11411681/2021-00031")
        #expect(m.publisher == "项城市人民政府")
        #expect(m.documentNumber == "项政〔2021〕5号")
        #expect(m.published == "2021-03-29")
        #expect(m.written == "2021-03-29")
        #expect(m.year == 2020)
        #expect(plan.outline.headingCounts == [2, 2, 0, 0])
        #expect(plan.outline.opening.map(\.text) == ["2020年,项城市坚持依法行政,各项工作取得良好成效。现将有关情况报告如下:"])
        let reasons = plan.source.dropped.map(\.reason)
        #expect(reasons.filter { $0 == "chrome" }.count == 8)
        #expect(reasons.contains("repeated title"))
        #expect(reasons.contains("metadata 索引号"))
        let all = try TestSupport.files(in: folder).filter { $0.key.hasSuffix(".md") }.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for chrome in ["今天是", "您所在的位置", "文章来源", "字号", "索引号", "打印本页", "浏览次数", "相关链接", "网站标识码", "ICP"] {
            #expect(!all.contains(chrome), "\(chrome) is page chrome")
        }
        let listing = plan.listing
        #expect(listing.contains("dropped\tchrome\t今天是:2019年10月31日 星期三 农历十月初七\t1\n"))
        #expect(listing.contains("metadata\tindex_number\t11411681/2021-00031\n"))
        #expect(listing.contains("metadata\tpublished\t2021-03-29\n"))
    }

    @Test func numberedHeadingsAndSentencesAreNeverChrome() throws {
        let text = "2024年,项城市推进法治政府建设。\n一、主要工作\n(一)推进信息无障碍建设\n网站标识码、ICP备案信息和公安备案信息按规定在网站底部公示。\n"
        let plan = try ReportImporter().plan(bytes: Array(text.utf8), path: "report-2024.txt")
        #expect(plan.source.dropped.isEmpty)
        #expect(plan.outline.headings.map(\.title) == ["一、主要工作", "(一)推进信息无障碍建设"])
    }

    @Test func titlesAreNeverDerivedFromASentence() throws {
        for opening in ["我县2024年法治政府建设取得新成效。", "在市2023年工作部署下,我们扎实推进法治政府建设。",
                        "认真落实省2023年法治政府建设工作要点,全面推进依法行政。", "2024年,本市深入推进法治政府建设。"] {
            let text = "\(opening)\n一、主要工作\n(一)强化领导。成立领导小组。\n二、下一步工作\n继续推进。\n"
            let plan = try ReportImporter().plan(bytes: Array(text.utf8), path: "report-2024.txt")
            #expect(plan.metadata.title == nil, "no title from “\(opening)”: \(plan.metadata.title ?? "")")
            #expect(plan.diagnostics.contains { $0.message.contains("title: TODO") })
        }
        let text = "2024年,沈丘县坚持依法行政,推进法治政府建设。\n一、主要工作\n(一)强化领导。成立领导小组。\n"
        let plan = try ReportImporter().plan(bytes: Array(text.utf8), path: "report-2024.txt")
        #expect(plan.metadata.title == "沈丘县2024年法治政府建设年度报告")
        #expect(ImportMetadata.place(in: "认真落实省2023年工作要点") == nil)
        #expect(ImportMetadata.place(in: "2024年,项城市坚持") == "项城市")
    }

    @Test func forceKeepsEveryHandFilledValue() throws {
        let content = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: content) }
        let folder = content.appendingPathComponent("xiangcheng-2024")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hand = """
            title: "项城市2024年度法治政府建设情况报告"
            year: 2024
            series: "法治政府建设年度报告"
            publisher: "项城市人民政府"
            written: "2025-02-27"
            published: "2025-03-01"
            document_number: "项政〔2025〕3号"
            index_number: "11411681/2025-00012"
            category: "法治政府建设"
            validity: "有效"
            """
        try Data(hand.utf8).write(to: folder.appendingPathComponent("report.yaml"))
        let importer = ReportImporter(options: ImportOptions(force: true))
        try importer.write(try importer.plan(bytes: try TestSupport.source2024(), path: "xiangcheng-2024.txt"), into: content)
        let yaml = try String(contentsOf: folder.appendingPathComponent("report.yaml"), encoding: .utf8)
        for line in hand.split(separator: "\n") where !line.hasPrefix("year") {
            let key = line.prefix { $0 != ":" }
            let value = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
            #expect(yaml.contains("\(key): \(value)\n"), "\(key) kept: \(yaml)")
        }
        #expect(yaml.contains("year: 2024\n"))

        // A title line of the text wins over report.yaml (the proof reads it back), and says so.
        let titled = Array(("项城市2024年法治政府建设年度报告\n" + String(decoding: try TestSupport.source2024(), as: UTF8.self)).utf8)
        var warnings: [Diagnostic] = []
        try importer.write(try importer.plan(bytes: titled, path: "xiangcheng-2024.txt"), into: content) { warnings.append($0) }
        let after = try String(contentsOf: folder.appendingPathComponent("report.yaml"), encoding: .utf8)
        #expect(after.contains("title: \"项城市2024年法治政府建设年度报告\"\n"))
        #expect(after.contains("index_number: \"11411681/2025-00012\"\n"))
        #expect(warnings.map(\.message) == ["report.yaml's title “项城市2024年度法治政府建设情况报告” is not the text's title line; the text's “项城市2024年法治政府建设年度报告” is written"])
    }

    @Test func idsThatBuildRefusesAreRefused() throws {
        let bytes = try TestSupport.source2024()
        for (path, id) in [("项城市2024年报告.txt", nil), ("report 2024.txt", nil), ("x.txt", "项城-2024"), ("x.txt", ".hidden")] as [(String, String?)] {
            do {
                _ = try ReportImporter(options: ImportOptions(id: id)).plan(bytes: bytes, path: path)
                Issue.record("expected an error for \(path) \(id ?? "")")
            } catch {
                let d = try #require(error.diagnostics.first)
                #expect(d.description.hasPrefix("\(path):1:1: error: "))
                #expect(d.message.contains("ASCII letters, digits"))
                #expect(d.message.contains("--id"))
            }
        }
        #expect(try ReportImporter(options: ImportOptions(id: "xiangcheng_2024.v2")).reportID(for: "项城.txt") == "xiangcheng_2024.v2")
    }
}
