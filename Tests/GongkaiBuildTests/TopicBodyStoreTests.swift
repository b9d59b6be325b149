import Foundation
import Testing
@testable import GongkaiBuild

@Suite struct TopicBodyStoreTests {
    /// The store takes every topic's HTML out of the model (leaving it empty there), gives each once, and gives the
    /// same documents to the index as the model itself would.
    @Test func bodiesMoveOutOfTheModelAndAreGivenOnce() throws {
        let site = try SiteFixture(searchSite)
        let model = try site.build().model
        let expected = SearchIndexBuilder(model: model).documents()
        var handed = model
        let store = TopicBodyStore(taking: &handed)
        #expect(handed.reports.allSatisfy { $0.topics.allSatisfy { $0.body.html.isEmpty } })
        #expect(model.reports[0].topics.allSatisfy { !$0.body.html.isEmpty })  // the caller's copy is its own
        #expect(SearchIndexBuilder(model: handed, bodies: store).documents() == expected)
        #expect(store.take(report: 0, topic: 0).isEmpty)  // already taken by the index
    }

    /// `gongkai build` hands the bodies to the index only when every page that shows them is already written; with a
    /// theme that shows the shard count on every page (all pages after the index), it keeps them: either way it
    /// writes what the in-memory build makes.
    @Test func theWrittenSiteIsTheInMemoryOneWhetherOrNotBodiesAreHandedOver() throws {
        for showsShards in [false, true] {
            let site = try SiteFixture(searchSite)
            if showsShards {
                let footer = try String(contentsOf: site.root.appendingPathComponent("theme/templates/partials/footer.mustache"), encoding: .utf8)
                try site.write("theme/templates/partials/footer.mustache", footer + "<!-- shards {{searchShards}} -->\n")
            }
            let streamed = site.root.appendingPathComponent("streamed")
            _ = try SiteBuilder(root: site.root).write(to: streamed)
            try site.build()
            let inMemory = site.snapshot()
            let written = site.snapshot(of: "streamed")
            #expect(written["r2024/01/index.html"].map { String(decoding: $0, as: UTF8.self).contains("根治欠薪") } == true)
            #expect(written == inMemory, "shards shown on every page: \(showsShards)")
        }
    }
}
