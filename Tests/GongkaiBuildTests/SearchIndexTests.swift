import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore
import GongkaiSearch

/// A report whose text has the cases search must get right: words a segmenter would cut, numbers, Latin letters in
/// both widths and cases, a table, headings inside a body.
let searchSite = """
-- content/site.yaml --
title: 搜索测试网站
base_url: https://www.example.gov.cn/fzzfjs/
-- content/r2024/report.yaml --
title: 测试市2024年法治政府建设年度报告
year: 2024
series: 法治政府建设年度报告
closing: [特此报告。, 2025年2月28日]
-- content/r2024/_index.md --
2024年,测试市坚持依法行政。现将有关情况报告如下:
-- content/r2024/01.md --
---
title: 一、根治欠薪工作
---
全年为农民工追讨工资报酬2530万元,欠薪案件动态清零。

## 1.推行“一件事一次办”。

推出“高效办成一件事”项快办服务,上线政务服务ＡＰＰ和小程序。

## 2.深化“互联网+监管”。

| 项目 | 数量 |
|---|---|
| 双随机抽查 | 128 |
-- content/r2024/02.md --
---
title: 二、APP 与数据共享
---
推动App数据共享,欠薪预警平台接入。
"""

/// The data of an index file (`gongkaiSearch("name", data);`).
func searchData(_ file: OutputFile?) throws -> Any {
    let file = try #require(file)
    let text = String(decoding: file.bytes, as: UTF8.self)
    let start = try #require(text.firstIndex(of: ","))
    #expect(text.hasPrefix("gongkaiSearch(\""))
    #expect(text.hasSuffix(");\n"))
    let json = text[text.index(after: start)..<text.index(text.endIndex, offsetBy: -3)]
    return try JSONSerialization.jsonObject(with: Data(json.utf8))
}

/// The search side of the index, as search.js does it, in Swift: keys → shards → postings → candidates.
struct IndexReader {
    let files: [String: OutputFile]
    let shards: Int
    let docs: [[String: Any]]

    init(_ list: [OutputFile]) throws {
        files = Dictionary(uniqueKeysWithValues: list.filter { $0.path.hasPrefix("search/") }.map { ($0.path, $0) })
        let meta = try #require(try searchData(files["search/meta.js"]) as? [String: Any])
        shards = try #require(meta["shards"] as? Int)
        let count = try #require(meta["docs"] as? Int)
        let files = files
        docs = try (0..<count).map { n in try #require(try searchData(files["search/d/\(n).js"]) as? [String: Any]) }
    }

    func text(_ n: Int) -> String {
        ((docs[n]["s"] as? [[String]]) ?? []).map { $0[2] }.joined(separator: "\n")
    }

    func postings(_ key: String) throws -> [Int: (tf: Int, title: Bool)] {
        let hex = String(Int(SearchText.fnv1a(key) & UInt32(shards - 1)), radix: 16)
        let width = String(shards - 1, radix: 16).count
        guard let file = files["search/p/" + String(repeating: "0", count: width - hex.count) + hex + ".js"],
              let shard = try searchData(file) as? [String: String], let list = shard[key] else { return [:] }
        var out: [Int: (Int, Bool)] = [:]
        var doc = 0
        for entry in list.split(separator: ",") {
            var e = Substring(entry)
            let title = e.hasSuffix("*")
            if title { e = e.dropLast() }
            let parts = e.split(separator: ":")
            doc += Int(parts[0], radix: 36)!
            out[doc] = (parts.count > 1 ? Int(parts[1], radix: 36)! : 1, title)
        }
        return out
    }

    /// Documents whose postings hold every key of `query` (before the text check): every pair of its runs between
    /// separators, or with none, its characters that are not separators (or, with none, all of them).
    func candidates(_ query: String) throws -> Set<Int> {
        let norm = SearchText.normalise(query)
        let term = norm.compactMap(Unicode.Scalar.init).map(String.init)
        var keys = norm.indices.dropLast().filter { !SearchText.separates(norm[$0]) && !SearchText.separates(norm[$0 + 1]) }
            .map { term[$0] + term[$0 + 1] }
        if keys.isEmpty {
            let words = norm.indices.filter { !SearchText.separates(norm[$0]) }.map { term[$0] }
            keys = words.isEmpty ? term : words
        }
        var result: Set<Int>?
        for key in keys {
            let docs = Set(try postings(key).keys)
            result = result.map { $0.intersection(docs) } ?? docs
        }
        return result ?? []
    }

    /// Documents whose normalised text contains `query`: what the script shows.
    func hits(_ query: String) throws -> Set<Int> {
        let q = SearchText.normalisedString(query)
        return try candidates(query).filter { SearchText.normalisedString(text($0)).contains(q) }
    }
}

@Suite struct SearchIndexTests {
    @Test func pagesAreSplitAtTheirHeadings() throws {
        let site = try SiteFixture(searchSite)
        let result = try site.build()
        let docs = SearchIndexBuilder(model: result.model).documents(of: result.state.site)
        #expect(docs.map(\.url) == ["r2024/", "r2024/01/", "r2024/02/"])
        let topic = docs[1]
        #expect(topic.title == "一、根治欠薪工作")
        #expect(topic.breadcrumb == ["测试市2024年法治政府建设年度报告"])
        #expect(topic.sections.map(\.anchor) == ["", "1推行一件事一次办", "2深化互联网监管"])
        #expect(topic.sections[0].text == "一、根治欠薪工作\n全年为农民工追讨工资报酬2530万元,欠薪案件动态清零。")
        #expect(topic.sections[1].text.hasPrefix("1.推行“一件事一次办”。\n推出"))
        #expect(topic.sections[2].text.contains("双随机抽查\n128"))
        #expect(docs[0].sections[0].text.contains("现将有关情况报告如下") && docs[0].sections[0].text.hasSuffix("现将有关情况报告如下:"))
    }

    /// Pages whose templates do not show the shard count are rendered before the index; the search page, and any
    /// page whose template (or partial) does show it, after it, with the index's count.
    @Test func everyPageThatShowsTheShardCountGetsTheIndexsCount() throws {
        let site = try SiteFixture(searchSite)
        let result = try site.build()
        let meta = try #require(site.output("search/meta.js"))
        let shards = try #require(meta.firstMatch(of: /"shards":(\d+)/)?.1)
        #expect(try #require(site.output("search/index.html")).contains("data-shards=\"\(shards)\""))
        #expect(result.files.count > 0)
        // A theme that shows it on topic pages, through a partial.
        let footer = try String(contentsOf: site.root.appendingPathComponent("theme/templates/partials/footer.mustache"), encoding: .utf8)
        try site.write("theme/templates/partials/footer.mustache", footer + "<!-- shards {{searchShards}} -->\n")
        _ = try site.build()
        #expect(try #require(site.output("r2024/01/index.html")).contains("<!-- shards \(shards) -->"))
        #expect(try #require(site.output("search/index.html")).contains("<!-- shards \(shards) -->"))
    }

    @Test func everySubstringIsFoundAndNothingElse() throws {
        let site = try SiteFixture(searchSite)
        let result = try site.build()
        let reader = try IndexReader(result.files)
        let texts = (0..<reader.docs.count).map { SearchText.normalise(reader.text($0)) }
        // Every substring of length 1…4 without a space: its documents are exactly the candidates' hits.
        var checked = 0
        for norm in texts {
            for len in 1...4 {
                for start in 0..<max(0, norm.count - len + 1) {
                    let piece = norm[start..<start + len]
                    if piece.contains(0x20) { continue }
                    let query = String(String.UnicodeScalarView(piece.compactMap(Unicode.Scalar.init)))
                    let expected = Set(texts.indices.filter { texts[$0].count >= len && String(String.UnicodeScalarView(texts[$0].compactMap(Unicode.Scalar.init))).contains(query) })
                    #expect(try reader.hits(query) == expected, "\(query)")
                    checked += 1
                }
            }
        }
        #expect(checked > 300)
        for (query, docs) in [("欠薪", Set([1, 2])), ("项快办", [1]), ("互联网+监管", [1]), ("2530", [1]), ("APP", [1, 2]),
                              ("ａｐｐ", [1, 2]), ("追讨工资报酬", [1]), ("薪", [1, 2]), ("政府建设", [0]), ("没有的词", [])] {
            #expect(try reader.hits(query) == docs, "\(query)")
        }
    }

    @Test func postingsCountOccurrencesAndMarkTitles() throws {
        let site = try SiteFixture(searchSite)
        let reader = try IndexReader(site.build().files)
        let p = try reader.postings("欠薪")
        #expect(p[1]?.tf == 2 && p[1]?.title == true)
        #expect(p[2]?.tf == 1 && p[2]?.title == false)
        #expect(try reader.postings("ap")[2]?.title == true)
    }

    @Test func indexIsDeterministicAndShardedBySize() throws {
        let site = try SiteFixture(searchSite)
        let a = try site.build().files.filter { $0.path.hasPrefix("search/") }
        let b = try site.build().files.filter { $0.path.hasPrefix("search/") }
        #expect(a == b)
        #expect(a.contains { $0.path == "search/meta.js" } && a.contains { $0.path == "search/d/2.js" })
        let built = try site.build()
        var builder = SearchIndexBuilder(model: built.model)
        builder.settings.targetShardBytes = 100
        let many = builder.build(built.state.site, keepState: false).files
        let meta = try #require(try searchData(many.first { $0.path == "search/meta.js" }) as? [String: Any])
        let shards = try #require(meta["shards"] as? Int)
        #expect(shards > 8 && shards & (shards - 1) == 0)
        let reader = try IndexReader(many)
        #expect(try reader.hits("互联网+监管") == [1])
    }

    @Test func mergingInSmallWindowsGivesTheSameIndex() throws {
        let site = try SiteFixture(searchSite)
        let built = try site.build()
        var builder = SearchIndexBuilder(model: built.model)
        builder.settings.targetShardBytes = 100  // many shards, so that keys move between files if anything is off
        let whole = builder.build(built.state.site, keepState: true)
        #expect(builder.documents(of: built.state.site).count >= 3)  // so that batches of 1 to 3 and windows of 1 to 5 split it differently
        for (batch, window) in [(1, 1), (1, 2), (2, 1), (3, 5)] {
            builder.settings.documentsPerBatch = batch
            builder.settings.batchesPerWindow = window
            let windowed = builder.build(built.state.site, keepState: true)
            #expect(windowed.files == whole.files, "\(batch) documents a batch, \(window) batches a window")
            // The kept lists too: the same edit updates both states alike.
            var a = try #require(whole.state), b = try #require(windowed.state)
            #expect(a.docs == b.docs)
            var edited = a.docs[1]
            edited.sections[0] = .init(anchor: "", heading: "", text: "新的文字 欠薪 项快办")
            let ua = a.update(document: 1, with: edited), ub = b.update(document: 1, with: edited)
            #expect(ua != nil && ua?.write == ub?.write && ua?.remove == ub?.remove)
        }
    }

    @Test func searchPageCarriesTheRootAndScript() throws {
        let site = try SiteFixture(searchSite)
        try site.build()
        let page = try #require(site.output("search/index.html"))
        #expect(page.contains(#"id="search-app" class="search-app" data-root="../" data-home="../""#))
        #expect(page.contains(#"<script src="../assets/search.js" defer></script>"#))  // {{root}}assets/: `assets` gains index.html with --file-links
        #expect(page.contains(#"role="status" aria-live="polite""#))
        #expect(site.output("assets/search.js") != nil)
        let topic = try #require(site.output("r2024/01/index.html"))
        #expect(topic.contains(#"<form class="site-search" action="../../search/" method="get" role="search">"#))
        try site.build(BuildOptions(fileSystemLinks: true))
        #expect(try #require(site.output("search/index.html")).contains(#"data-root="../" data-home="../index.html""#))
    }
}
