import Foundation
import GongkaiCore
import GongkaiSearch
import Testing

/// The index from documents alone, without a site: the same files however the documents are added, and an update
/// of the kept state gives what a whole new index gives.
@Suite struct SearchIndexJobTests {
    static let documents: [SearchDocument] = [
        SearchDocument(url: "r/", title: "测试市2024年报告", breadcrumb: [],
                       sections: [.init(anchor: "", heading: "", text: "测试市2024年报告\n现将有关情况报告如下:")]),
        SearchDocument(url: "r/01/", title: "一、根治欠薪", breadcrumb: ["测试市2024年报告"], sections: [
            .init(anchor: "", heading: "", text: "一、根治欠薪\n追讨工资报酬2530万元,欠薪案件动态清零。"),
            .init(anchor: "1推行", heading: "1.推行“一件事一次办”。", text: "1.推行“一件事一次办”。\n上线政务服务ＡＰＰ。"),
        ]),
        SearchDocument(url: "r/02/", title: "二、APP 与数据", breadcrumb: ["测试市2024年报告"],
                       sections: [.init(anchor: "", heading: "", text: "二、APP 与数据\n推动App数据共享,欠薪预警平台接入。")]),
    ]

    /// The index of `documents`, added `run` at a time, its files by path.
    static func index(_ documents: [SearchDocument], run: Int, settings: SearchIndexSettings = SearchIndexSettings(),
                      keepState: Bool = false) -> (files: [String: [UInt8]], shards: Int, state: SearchIndexState?) {
        let files = Locked<[String: [UInt8]]>([:])
        var job = SearchIndexJob(documentCount: documents.count, settings: settings, keepState: keepState)
        while job.added < documents.count {
            job.add(run, document: { documents[$0] }, emit: { file in files.withLock { $0[file.path] = file.bytes } })
        }
        let (shards, state) = job.finish { file in files.withLock { $0[file.path] = file.bytes } }
        return (files.withLock { $0 }, shards, state)
    }

    @Test func theFilesAreTheSameHoweverTheDocumentsAreAdded() throws {
        var settings = SearchIndexSettings()
        settings.targetShardBytes = 100  // many shards, so that keys move between files if anything is off
        let whole = Self.index(Self.documents, run: Self.documents.count, settings: settings)
        #expect(whole.shards > 4 && whole.shards & (whole.shards - 1) == 0)
        #expect(whole.files["search/meta.js"] == Array("gongkaiSearch(\"meta\",{\"version\":2,\"docs\":3,\"shards\":\(whole.shards),\"perFile\":4});\n".utf8))
        let texts = try #require(whole.files["search/d/0.js"].map { String(decoding: $0, as: UTF8.self) })
        #expect(texts.hasPrefix(#"gongkaiSearch("d/0",[{"u":"r/","t":"测试市2024年报告","b":[],"s":[["","","测试市2024年报告\n"#))
        #expect(texts.contains("]]},\n{\"u\":\"r/01/\",\"t\":\"一、根治欠薪\",\"b\":[\"测试市2024年报告\"],\"s\":[[\"\",\"\",\"一、根治欠薪\\n"))
        #expect(texts.hasSuffix("]]}]);\n") && whole.files.keys.filter { $0.hasPrefix("search/d/") } == ["search/d/0.js"])
        for (run, batch, window) in [(1, 64, 40), (2, 1, 1), (1, 2, 1), (3, 1, 2)] {
            var small = settings
            small.documentsPerBatch = batch
            small.batchesPerWindow = window
            #expect(Self.index(Self.documents, run: run, settings: small).files == whole.files, "\(run) at a time, batches of \(batch), windows of \(window)")
        }
    }

    /// Eleven documents, K at a time: every file holds K of them in order (the last fewer), and the files are the
    /// same however the documents are added and counted: files begun in one run or batch and ended in another.
    @Test func textsAreWrittenKToAFile() throws {
        let documents = (0..<11).map { n in
            SearchDocument(url: "r/\(n)/", title: "第\(n)页", breadcrumb: [], sections: [.init(anchor: "", heading: "", text: "第\(n)页\n欠薪\(n)")])
        }
        for perFile in [1, 2, 4, 11, 16] {
            var settings = SearchIndexSettings()
            settings.documentsPerFile = perFile
            let whole = Self.index(documents, run: documents.count, settings: settings)
            let groups = (documents.count + perFile - 1) / perFile
            #expect(Set(whole.files.keys.filter { $0.hasPrefix("search/d/") }) == Set((0..<groups).map { "search/d/\($0).js" }))
            let meta = try #require(whole.files["search/meta.js"].map { String(decoding: $0, as: UTF8.self) })
            #expect(meta.contains("\"version\":2,") && meta.contains("\"perFile\":\(perFile)}"))
            for n in 0..<documents.count {
                let file = try #require(whole.files["search/d/\(n / perFile).js"].map { String(decoding: $0, as: UTF8.self) })
                let json = try #require(file.firstIndex(of: ",").map { file[file.index(after: $0)...].dropLast(3) })
                let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
                #expect(entries.count == min(perFile, documents.count - n / perFile * perFile))
                #expect(entries[n % perFile]["u"] as? String == "r/\(n)/", "document \(n) with \(perFile) a file")
            }
            for (run, batch, window) in [(1, 64, 40), (3, 2, 1), (5, 3, 2), (2, 1, 3)] {
                var small = settings
                small.documentsPerBatch = batch
                small.batchesPerWindow = window
                #expect(Self.index(documents, run: run, settings: small).files == whole.files,
                        "\(perFile) a file, \(run) at a time, batches of \(batch), windows of \(window)")
            }
        }
    }

    /// An edit of a document rewrites its file of texts alone (with its K documents), whether the document is first,
    /// in the middle or last of its file, or in the last, shorter file; and gives what a whole new index gives.
    @Test func anUpdateRewritesOnlyTheFileOfItsDocument() throws {
        let documents = (0..<11).map { n in
            SearchDocument(url: "r/\(n)/", title: "第\(n)页", breadcrumb: [], sections: [.init(anchor: "", heading: "", text: "第\(n)页\n欠薪\(n)")])
        }
        var settings = SearchIndexSettings()
        settings.documentsPerFile = 4
        for n in [0, 5, 7, 10] {
            var (before, _, state) = Self.index(documents, run: 3, settings: settings, keepState: true)
            var kept = try #require(state)
            var edited = documents
            edited[n].sections[0] = .init(anchor: "", heading: "", text: "第\(n)页\n新的文字:项快办。")
            let updated = kept.update(document: n, with: edited[n])
            let update = try #require(updated)
            #expect(update.write.filter { $0.path.hasPrefix("search/d/") }.map(\.path) == ["search/d/\(n / 4).js"], "document \(n)")
            let after = Self.index(edited, run: 11, settings: settings).files
            for file in update.write { before[file.path] = file.bytes }
            for path in update.remove { before[path] = nil }
            #expect(before == after, "document \(n)")
        }
    }

    /// Every key of the index: each character, and each pair within a run between spaces and separators.
    @Test func keysArePairsAndCharactersNotAcrossSeparators() throws {
        let files = Self.index(Self.documents, run: 3).files
        let shards = try #require(files.filter { $0.key.hasPrefix("search/p/") }.values.map { String(decoding: $0, as: UTF8.self) }.first)
        #expect(files.keys.filter { $0.hasPrefix("search/p/") }.count == 1, "a small index has one shard")
        // 欠薪: twice in document 1 (its title line and its text) and in its title, once in document 2. ap (from ＡＰＰ,
        // App and APP): once in 1, twice in 2 and in its title.
        for key in [#""欠薪":"1:2*,1""#, #""ap":"1,1:2*""#, #""25":""#, #""元":""#, #"",":""#] { #expect(shards.contains(key), "\(key)") }
        // No pair across a space or with a separator.
        for key in [#""p与":""#, #""元,":""#, #""“一":""#, #""p ":""#] { #expect(!shards.contains(key), "\(key)") }
    }

    /// An update of the kept state writes exactly the files that differ from a whole index of the edited documents.
    @Test func anUpdateGivesWhatAWholeNewIndexGives() throws {
        var (before, _, state) = Self.index(Self.documents, run: 3, keepState: true)
        var edited = Self.documents
        edited[2].sections[0] = .init(anchor: "", heading: "", text: "二、APP 与数据\n新的文字:欠薪项快办。")
        var kept = try #require(state)
        #expect(kept.documentNumber(url: "r/02/") == 2)
        let updated = kept.update(document: 2, with: edited[2])
        let update = try #require(updated)
        let after = Self.index(edited, run: 3).files
        for file in update.write { before[file.path] = file.bytes }
        for path in update.remove { before[path] = nil }
        #expect(before == after)
        #expect(update.write.filter { $0.path.hasPrefix("search/d/") }.map(\.path) == ["search/d/0.js"])
        state = kept
        #expect(state?.docs == edited)

        // More edits on the updated state (lists it already re-encoded, entries made again from the kept texts):
        // the same document back to its old text, and another one emptied of the keys it shared.
        var twice = edited
        twice[2] = Self.documents[2]
        twice[0].sections = twice[0].sections.map { .init(anchor: $0.anchor, heading: $0.heading, text: "") }
        for n in [2, 0] {
            let changed = kept.update(document: n, with: twice[n])
            let next = try #require(changed)
            for file in next.write { before[file.path] = file.bytes }
            for path in next.remove { before[path] = nil }
        }
        #expect(before == Self.index(twice, run: 3).files)
    }
}
