import Foundation
import GongkaiCore
import Testing
@testable import GongkaiImport

/// Text PDFs through pdftotext: paragraphs joined again, page headers, footers and numbers dropped; scans refused.
@Suite struct PDFImportTests {
    static let header = "项城市法治政府建设领导小组办公室"
    static let paragraphs = [
        "2024年,项城市坚持以习近平法治思想为指导,扎实推进法治政府建设,各项工作取得良好成效。现将有关情况报告如下:",
        "一、主要负责人履行法治建设第一责任人职责情况",
        "市委主要领导坚持以习近平新时代中国特色社会主义思想为指导,坚决落实法治政府建设主体责任,专题听取汇报5次,研究部署法治建设相关工作。",
        "二、主要举措和成效",
        "(一)深入学习贯彻习近平法治思想。一是编制领导干部应知应会法律法规清单,将习近平法治思想作为重点学习任务,全市机关应学尽学。",
        "(二)推动政府更好发挥职能作用。全市梳理政务服务事项2530项,在政府网站公布,实现清单之外无审批,群众办事更加便捷高效。",
        "三、下一步工作",
        "继续深入推进法治政府建设,为高质量发展提供法治保障。",
        "2025年2月28日",
    ]

    /// The paragraphs set 24 characters a line over three pages, each with the header and a page number.
    static func pages() -> [[String]] {
        let lines = paragraphs.flatMap { PDFFixture.wrap($0, width: 24) }
        let per = (lines.count + 2) / 3
        return (0..<3).map { i in
            [header] + Array(lines[min(lines.count, i * per)..<min(lines.count, (i + 1) * per)]) + ["— \(i + 1) —"]
        }
    }

    @Test func textPDFImportsAsItsParagraphs() throws {
        try #require(LibreOfficeConverter.find(["pdftotext"]) != nil, "pdftotext (poppler-utils) is installed by scripts/install-deps.sh")
        let bytes = PDFFixture.pdf(pages: Self.pages())
        let (folder, plan) = try TestSupport.importInto(bytes, path: "xiangcheng-2024.pdf")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(plan.source.format == .pdf)
        #expect(plan.outline.headingCounts == [3, 2, 0, 0])
        #expect(plan.outline.opening.map(\.text) == [Self.paragraphs[0]])
        #expect(plan.outline.sections[0].paragraphs.map(\.text) == [Self.paragraphs[2]])
        #expect(plan.outline.sections[1].children.map(\.heading.title) == ["(一)深入学习贯彻习近平法治思想。", "(二)推动政府更好发挥职能作用。"])
        #expect(plan.metadata.written == "2025-02-28")
        let reasons = plan.source.dropped.map(\.reason)
        #expect(reasons.filter { $0 == "page number" }.count == 3)
        #expect(reasons.filter { $0 == "page header/footer" }.count == 3)
        let all = try TestSupport.files(in: folder).filter { $0.key.hasSuffix(".md") }.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(!all.contains(Self.header))
        #expect(!all.contains("—"))
        #expect(plan.listing.contains("dropped\tpage number\t— 2 —\t"))
    }

    @Test func scannedPDFIsAClearError() throws {
        try #require(LibreOfficeConverter.find(["pdftotext"]) != nil)
        do {
            _ = try ReportImporter().plan(bytes: PDFFixture.pdf(pages: [[], []]), path: "scan-2024.pdf")
            Issue.record("expected an error")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.description.hasPrefix("scan-2024.pdf:1:1: error: this PDF has no text"))
            #expect(d.message.contains("OCR"))
        }
    }

    @Test func pageNumbers() {
        for line in ["— 3 —", "- 12 -", "3", "第3页", "第 3 页 共 10 页"] { #expect(PDFReader.isPageNumber(line), "\(line)") }
        for line in ["2025年2月28日", "一、总体情况", "2530项"] { #expect(!PDFReader.isPageNumber(line), "\(line)") }
    }
}
