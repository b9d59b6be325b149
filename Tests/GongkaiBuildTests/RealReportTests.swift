import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// The real site in `content/`: the 2024 report as the city wrote it.
@Suite struct RealReportTests {
    static let reportID = "xiangcheng-2024"

    /// Builds the repository's own site (content/ + theme/) into a temporary folder.
    static func buildRealSite() throws -> SiteBuilder.Result {
        let root = SiteFixture.repositoryRoot
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-real-\(UUID().uuidString)")
        return try SiteBuilder(root: root).buildAndWrite(to: out).0
    }

    static func page(_ result: SiteBuilder.Result, _ path: String) throws -> String {
        let file = try #require(result.files.first { $0.path == path })
        return String(decoding: file.bytes, as: UTF8.self)
    }

    /// The report text of the full-report page: the `report-text` block, tags removed.
    static func reportTextHTML(_ page: String) throws -> String {
        let start = try #require(page.range(of: #"<div class="report-text" id="report-text">"#))
        // The block ends at its matching </div>.
        let rest = page[start.upperBound...]
        var depth = 1
        var i = rest.startIndex
        while i < rest.endIndex {
            if rest[i...].hasPrefix("<div") { depth += 1 }
            if rest[i...].hasPrefix("</div>") {
                depth -= 1
                if depth == 0 { return String(rest[..<i]) }
            }
            i = rest.index(after: i)
        }
        return String(rest)
    }

    static func withoutWhitespace(_ s: String) -> String {
        String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    @Test func fullReportTextEqualsTheSourceCharacterForCharacter() throws {
        let result = try Self.buildRealSite()
        let page = try Self.page(result, "\(Self.reportID)/full/index.html")
        let html = try Self.reportTextHTML(page)
        let rendered = Self.withoutWhitespace(HTMLText.plain(html))
        let sourceURL = SiteFixture.repositoryRoot.appendingPathComponent("content/\(Self.reportID)/source.txt")
        let source = Self.withoutWhitespace(try String(contentsOf: sourceURL, encoding: .utf8))
        if rendered != source {
            let a = Array(rendered), b = Array(source)
            let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("differs at character \(first): rendered …\(String(a[max(0, first - 20)..<min(a.count, first + 20)]))… source …\(String(b[max(0, first - 20)..<min(b.count, first + 20)]))…")
        }
        // The city's own quirks survive: ASCII commas, the heading typo, the joined line break.
        #expect(rendered.contains("2024年,项城市坚持"))
        #expect(rendered.contains("四、2025度法治政府建设的初步安排"))
        #expect(rendered.contains("“项快办”政务APP"))
    }

    @Test func fullTextMadeWithTheModelsIdsEqualsOneWorkedOutAfresh() throws {
        let result = try Self.buildRealSite()
        let report = try #require(result.model.report(Self.reportID))
        let bodies = try #require(result.state.bodies(ofReport: Self.reportID))
        #expect(!bodies.fullIDs.isEmpty)
        var fresh = bodies
        fresh.fullIDs = []
        let replayed = FullReportBody.make(report, bodies: bodies), remade = FullReportBody.make(report, bodies: fresh)
        #expect(replayed.html == remade.html)
        #expect(replayed.headings.map(\.id) == remade.headings.map(\.id))
        // The bodies keep only the ids (the opening's first, then every topic's heading and body's).
        #expect(bodies.fullIDs.suffix(replayed.headings.count).elementsEqual(replayed.headings.map(\.id)))
    }

    @Test func fullReportOutlineHasFourElevenFourteenHeadingsAtTheirLevels() throws {
        let result = try Self.buildRealSite()
        let page = try Self.page(result, "\(Self.reportID)/full/index.html")
        let html = try Self.reportTextHTML(page)
        func headings(_ level: Int) -> [String] {
            var out: [String] = []
            var rest = html[...]
            while let open = rest.range(of: "<h\(level) id=\""), let close = rest[open.upperBound...].range(of: "</h\(level)>") {
                let inner = rest[open.upperBound..<close.lowerBound]
                if let gt = inner.firstIndex(of: ">") { out.append(HTMLText.plain(String(inner[inner.index(after: gt)...]))) }
                rest = rest[close.upperBound...]
            }
            return out
        }
        let h2 = headings(2), h3 = headings(3), h4 = headings(4)
        #expect(h2.count == 4)
        #expect(h3.count == 11)
        #expect(h4.count == 14)
        #expect(headings(5).isEmpty && headings(1).isEmpty)
        #expect(h2.map { String($0.prefix(2)) } == ["一、", "二、", "三、", "四、"])
        #expect(h3.first == "(一)深入学习贯彻习近平法治思想。")
        #expect(h3.allSatisfy { $0.hasPrefix("(") })
        #expect(h4.allSatisfy { $0.first?.isNumber == true && $0.dropFirst().first == "." })
        #expect(h2.last == "四、2025度法治政府建设的初步安排")
        // Ids are unique and keep the Chinese text.
        let ids = OutputLinkChecker.attributeValues("id", in: html)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("一主要负责人履行法治建设第一责任人职责情况"))
    }

    @Test func realSiteHasNoBrokenLinks() throws {
        let result = try Self.buildRealSite()
        let findings = OutputLinkChecker(basePath: result.model.config.basePath).check(result.files)
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
        #expect(result.files.filter { $0.kind == .topic }.count == 12)
    }
}
