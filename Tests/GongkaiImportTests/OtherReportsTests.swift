import Foundation
import GongkaiCore
import Testing
@testable import GongkaiImport

/// Excerpts shaped like other cities' reports, imported as a new user would.
@Suite struct OtherReportsTests {
    /// Headings on their own lines, title line, salutation, full-width indentation, four levels, a signature.
    static let standalone = """
        　　周口市2023年法治政府建设情况的报告
        中共河南省委、河南省人民政府：
        　　2023年，我市深入学习贯彻习近平法治思想，法治政府建设取得新成效。现将有关情况报告如下：
        　　一、2023年法治政府建设主要举措和成效
        　　（一）加强党对法治政府建设的领导
        　　1．健全工作机制。市政府常务会议专题研究法治政府建设工作4次。
        　　2．压实主体责任。将法治建设纳入综合考核，占比不低于5%。
        　　（二）深化“放管服”改革
        　　1、优化营商环境
        　　（1）推进“一网通办”。全年网办率达95%，
        　　较上年提高3个百分点。
        　　（2）推进“一件事一次办”。上线联办事项32项。
        　　二、存在的问题
        　　一是法治意识有待增强；二是执法队伍素质有待提升。
        　　三、下一步工作安排
        　　2024年，我市将继续推进法治政府建设。
        　　特此报告。

        　　周口市人民政府
        　　2024年3月15日
        """

    @Test func standaloneHeadings() throws {
        let plan = try ReportImporter().plan(bytes: Array(Self.standalone.utf8), path: "zhoukou-2023.txt")
        #expect(plan.outline.headings.map { "\($0.level)\($0.numbering)\($0.plainTitle)" } == [
            "1一、2023年法治政府建设主要举措和成效",
            "2（一）加强党对法治政府建设的领导",
            "31．健全工作机制",
            "32．压实主体责任",
            "2（二）深化“放管服”改革",
            "31、优化营商环境",
            "4（1）推进“一网通办”",
            "4（2）推进“一件事一次办”",
            "1二、存在的问题",
            "1三、下一步工作安排",
        ])
        #expect(plan.outline.title == "周口市2023年法治政府建设情况的报告")
        #expect(plan.outline.salutation == "中共河南省委、河南省人民政府：")
        #expect(plan.outline.closing.map(\.text) == ["特此报告。", "周口市人民政府", "2024年3月15日"])
        #expect(plan.metadata.publisher == "周口市人民政府")
        #expect(plan.metadata.written == "2024-03-15")
        #expect(plan.metadata.year == 2023)
        #expect(plan.outline.joinedLines == [10])
        #expect(plan.pages.map(\.path) == ["_index.md", "01.md", "02.md", "03.md"])
        let one = try #require(plan.pages.first { $0.path == "01.md" })
        #expect(one.body.contains("#### （1）推进“一网通办”。\n\n全年网办率达95%，较上年提高3个百分点。"))
        let (folder, _) = try TestSupport.importInto(Array(Self.standalone.utf8), path: "zhoukou-2023.txt")
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// Headings inside paragraphs, hard-wrapped lines, CRLF, a date in Chinese numerals, no title line.
    static let runIn = [
        "二〇二四年，沈丘县坚持以习近平法治思想为指导，全面推进依法行政。现将有关情况报告如下：",
        "一、加强组织领导，压实工作责任。县委、县政府把法治政府建设摆在全局工作的重要位置，",
        "全年召开专题会议6次。",
        "（一）完善制度体系。一是制定《沈丘县重大行政决策程序规定》；二是清理规范性文件43件。",
        "（二）规范执法行为。全县共开展执法检查1200余次，办理案件356件。",
        "二、推进依法行政。（一）深化改革。这一句不是标题，因为二级标题不会出现在一级标题的段落里。",
        "三、存在问题和下一步打算。全县将持续推进法治政府建设，3.5万人参加学法考试。",
        "特此报告。",
        "二〇二五年一月二十日",
    ].joined(separator: "\r\n")

    @Test func runInHeadings() throws {
        let plan = try ReportImporter().plan(bytes: Array(Self.runIn.utf8), path: "shenqiu-2024.txt")
        #expect(plan.outline.headings.map { "\($0.level)\($0.numbering)\($0.title)" } == [
            "1一、一、加强组织领导，压实工作责任。",
            "2（一）（一）完善制度体系。",
            "2（二）（二）规范执法行为。",
            "1二、二、推进依法行政。",
            "1三、三、存在问题和下一步打算。",
        ])
        #expect(plan.outline.headings.allSatisfy { $0.runIn })
        #expect(plan.outline.joinedLines == [2])
        #expect(plan.metadata.written == "2025-01-20")
        #expect(plan.metadata.title == "沈丘县2024年法治政府建设年度报告")
        #expect(plan.source.lineEnding == "CRLF")
        let one = try #require(plan.pages.first { $0.path == "01.md" })
        #expect(one.fileText.contains("title: \"一、加强组织领导，压实工作责任。\""))
        #expect(one.body.hasPrefix("县委、县政府把法治政府建设摆在全局工作的重要位置，全年召开专题会议6次。\n\n## （一）完善制度体系。\n\n一是制定"))
        let three = try #require(plan.pages.first { $0.path == "03.md" })
        #expect(three.body.contains("3.5万人参加学法考试"))
        let (folder, _) = try TestSupport.importInto(Array(Self.runIn.utf8), path: "shenqiu-2024.txt")
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    @Test func textWithoutHeadingsIsOnePageWithAWarning() throws {
        let text = "今年以来，我局认真贯彻落实各项工作部署。\n全年办理案件12件。\n"
        let (folder, plan) = try TestSupport.importInto(Array(text.utf8), path: "plain-2024.txt")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(plan.pages.map(\.path) == ["_index.md"])
        #expect(plan.diagnostics.contains { $0.severity == .warning && $0.message.contains("no headings") })
    }

    @Test func markdownSpecialCharactersRenderAsWritten() throws {
        let text = """
            一、特殊字符
            *重点* _下划线_ #话题 <b>标签</b> [链接](http://x) `代码` 表|格 反\\斜杠 ~删除~ &amp; 实体。
            - 不是列表项。
            + 也不是。
            100. 不是有序列表。
            1) 也不是。
            > 不是引用。
            ---

            # 不是标题
            """
        let (folder, plan) = try TestSupport.importInto(Array(text.utf8), path: "special-2024.txt")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let page = try #require(plan.pages.first { $0.path == "01.md" })
        #expect(page.body.hasPrefix("\\*重点\\* \\_下划线\\_ \\#话题 \\<b\\>标签\\</b\\>"))
        #expect(page.body.contains("\n\n\\- 不是列表项。\n\n\\+ 也不是。\n\n100\\. 不是有序列表。\n\n1\\) 也不是。\n\n\\> 不是引用。\n\n\\---\n\n\\# 不是标题\n"))
    }

    @Test func headingMarkers() {
        #expect(HeadingMarker.match("一、总体情况")?.level == 1)
        #expect(HeadingMarker.match("十二、其他")?.number == 12)
        #expect(HeadingMarker.match("(一)深入学习")?.level == 2)
        #expect(HeadingMarker.match("（十）深入学习")?.number == 10)
        #expect(HeadingMarker.match("1.深化改革")?.level == 3)
        #expect(HeadingMarker.match("１．深化改革")?.level == 3)
        #expect(HeadingMarker.match("12、深化改革")?.number == 12)
        #expect(HeadingMarker.match("(1)推进")?.level == 4)
        #expect(HeadingMarker.match("（２）推进")?.level == 4)
        #expect(HeadingMarker.match("3.5万人") == nil)
        #expect(HeadingMarker.match("2024年，全市") == nil)
        #expect(HeadingMarker.match("一是编制清单") == nil)
        #expect(HeadingMarker.match("5类36种") == nil)
        #expect(HeadingMarker.match("一、") == nil)
        #expect(ChineseDate.parse("2025年2月28日") == "2025-02-28")
        #expect(ChineseDate.parse("二〇二五年二月二十八日") == "2025-02-28")
        #expect(ChineseDate.parse("2025年2月28日起施行") == nil)
    }
}
