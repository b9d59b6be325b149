import Foundation
import GongkaiCore
import Testing
@testable import GongkaiImport
import Yams

/// The 2024 report: its outline, pages and the committed content.
@Suite struct Report2024Tests {
    @Test func outlineHas4_11_14Headings() throws {
        let plan = try ReportImporter().plan(bytes: try TestSupport.source2024(), path: "xiangcheng-2024.txt")
        #expect(plan.outline.headingCounts == [4, 11, 14, 0])
        #expect(plan.outline.title == nil)
        #expect(plan.outline.opening.count == 1)
        #expect(plan.outline.closing.map(\.text) == ["特此报告。", "2025年2月28日"])
        #expect(plan.metadata.written == "2025-02-28")
        #expect(plan.metadata.title == "项城市2024年法治政府建设年度报告")
        #expect(plan.metadata.titleSource == .derived)
        #expect(plan.metadata.year == 2024)
        #expect(plan.metadata.series == "法治政府建设年度报告")
        #expect(plan.diagnostics.isEmpty)
    }

    @Test func pagesFollowTheSplitRule() throws {
        let plan = try ReportImporter().plan(bytes: try TestSupport.source2024(), path: "xiangcheng-2024.txt")
        #expect(plan.pages.map(\.path) == ["_index.md", "01.md", "02/_index.md"] + (1...8).map { "02/0\($0).md" } + ["03.md", "04.md"])
        let index02 = try #require(plan.pages.first { $0.path == "02/_index.md" })
        #expect(index02.title == "二、主要举措和成效")
        #expect(index02.body.isEmpty)
        let four = try #require(plan.pages.first { $0.path == "04.md" })
        #expect(four.body.components(separatedBy: "\n").filter { $0.hasPrefix("## ") }.count == 3)
    }

    @Test func runInHeadingKeepsItsFullStopAndTheParagraphFollows() throws {
        let plan = try ReportImporter().plan(bytes: try TestSupport.source2024(), path: "xiangcheng-2024.txt")
        let page = try #require(plan.pages.first { $0.path == "02/01.md" })
        #expect(page.fileText.hasPrefix("---\ntitle: \"(一)深入学习贯彻习近平法治思想。\"\norder: 1\nslug: \"01\"\n---\n一是编制"))
        let four = try #require(plan.pages.first { $0.path == "02/04.md" })
        #expect(four.title == "(四)全面推进严格规范公正文明执法")
        #expect(four.body.hasPrefix("## 1.深化行政执法体制改革。\n\n一是进一步理顺职责"))
        let heading = try #require(plan.outline.headings.first { $0.numbering == "(一)" })
        #expect(heading.plainTitle == "深入学习贯彻习近平法治思想")
        #expect(heading.runIn)
    }

    @Test func brokenLineIsJoinedAndNothingElseChanges() throws {
        let plan = try ReportImporter().plan(bytes: try TestSupport.source2024(), path: "xiangcheng-2024.txt")
        #expect(plan.outline.joinedLines == [25])
        let page = try #require(plan.pages.first { $0.path == "02/08.md" })
        #expect(page.body.contains("一是上线运行“项快办”政务APP,对接政务服务事项2530项"))
        let last = try #require(plan.pages.last)
        #expect(last.title == "四、2025度法治政府建设的初步安排")
        // Numbers inside sentences and enumerations stay in their paragraphs.
        let five = try #require(plan.pages.first { $0.path == "02/05.md" })
        #expect(five.body.contains("全市共储备5类36种价值977万元的应急物资"))
        #expect(!plan.outline.headings.contains { $0.title.hasPrefix("一是") || $0.title.hasPrefix("5类") })
    }

    /// Re-imports the committed source.txt and compares every page byte for byte with the committed content.
    @Test func reimportMatchesCommittedContent() throws {
        let (folder, _) = try TestSupport.importInto(try TestSupport.source2024())
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let generated = try TestSupport.files(in: folder)
        let committed = try TestSupport.files(in: TestSupport.reportFolder)
        let pages = generated.keys.filter { $0.hasSuffix(".md") }.sorted()
        #expect(pages == committed.keys.filter { $0.hasSuffix(".md") }.sorted())
        for page in pages {
            #expect(generated[page] == committed[page], "\(page) differs from the committed content")
        }
        #expect(generated["source.txt"] == committed["source.txt"])

        let derived = ["title", "year", "series", "written", "salutation", "closing"]
        let newData = try #require(generated["report.yaml"])
        let oldData = try #require(committed["report.yaml"])
        let new = try Yams.load(yaml: String(decoding: newData, as: UTF8.self)) as? [String: Any] ?? [:]
        let old = try Yams.load(yaml: String(decoding: oldData, as: UTF8.self)) as? [String: Any] ?? [:]
        for key in derived {
            #expect(String(describing: new[key]) == String(describing: old[key]), "report.yaml \(key)")
        }
        // What the importer cannot know is TODO in a fresh import.
        for key in ["publisher", "published", "document_number", "index_number", "category"] {
            #expect(new[key] as? String == "TODO")
        }
    }

    @Test func indicatorDraftForANewReport() throws {
        let plan = try ReportImporter().plan(bytes: try TestSupport.source2024(), path: "xiangcheng-2024.txt")
        let draft = try #require(plan.indicatorDraft)
        #expect(draft.contains("topic: \"02/05\""))
        #expect(draft.contains("全市共储备5类36种"))
        #expect(plan.pages.first { $0.path == "02/05.md" }?.topicID == "02/05")
        #expect(plan.pages.first { $0.path == "02/_index.md" }?.topicID == "02")
    }

    @Test func splitOverrides() throws {
        let bytes = try TestSupport.source2024()
        let none = try ReportImporter(options: ImportOptions(split: SplitPolicy.none)).plan(bytes: bytes, path: "x-2024.txt")
        #expect(none.pages.map(\.path) == ["_index.md", "01.md", "02.md", "03.md", "04.md"])
        let noneTwo = try #require(none.pages.first { $0.path == "02.md" })
        #expect(noneTwo.body.contains("\n## (四)全面推进严格规范公正文明执法\n\n### 1.深化行政执法体制改革。\n"))
        let all = try ReportImporter(options: ImportOptions(split: .all)).plan(bytes: bytes, path: "x-2024.txt")
        #expect(all.pages.map(\.path).contains("04/03.md"))
        let listed = try ReportImporter(options: ImportOptions(split: try #require(SplitPolicy(argument: "4")))).plan(bytes: bytes, path: "x-2024.txt")
        #expect(listed.pages.map(\.path) == ["_index.md", "01.md", "02.md", "03.md", "04/_index.md", "04/01.md", "04/02.md", "04/03.md"])
        // Every layout passes the fidelity check.
        for options in [ImportOptions(split: SplitPolicy.none), ImportOptions(split: .all)] {
            let (folder, _) = try TestSupport.importInto(bytes, options: options)
            try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
        }
    }

    @Test func dryRunListingShowsTheOutline() throws {
        let plan = try ReportImporter().plan(bytes: try TestSupport.source2024(), path: "xiangcheng-2024.txt")
        let listing = plan.listing
        #expect(listing.contains("\n2\t(一)\t深入学习贯彻习近平法治思想\t5\n"))
        #expect(listing.contains("\n3\t3.\t深入推进“互联网+监管”执法\t27\n"))
        #expect(listing.contains("headings\t4 / 11 / 14 / 0 at levels 1 / 2 / 3 / 4"))
        #expect(listing.contains("page\t02/08.md"))
    }
}
