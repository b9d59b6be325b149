import Foundation
import GongkaiCore
import GongkaiIndicators
import GongkaiSearch
import Markdown

/// Redoes a build after one topic's body was edited, reusing the rest of the previous build: the file is read and
/// rendered again, its report's pages and open data are rendered again, the search index is updated in place,
/// and the manifest is patched. Anything else (a new or removed file, a changed title or order, changed anchors,
/// a warning in the edited file) returns nil, and the caller builds the whole site: the fast path never guesses.
struct IncrementalRebuild {
    let builder: SiteBuilder
    /// The previous build, owned: its large arrays are moved out and changed in place, not copied.
    var previous: SiteBuilder.Result

    mutating func rebuild(changed: [String]) -> SiteBuilder.Result? {
        guard changed.count == 1, let path = changed.first, path.hasSuffix(".md"),
              !previous.diagnostics.contains(where: { $0.location.path == path }) else { return nil }
        // The other warnings stay as they were: an edit of this body leaves every other file, and this front matter, as it was.
        let keptWarnings = previous.diagnostics
        var timer = StageTimer()
        defer { timer.report() }
        var model = previous.model
        guard model.config.search == (previous.search != nil) else { return nil }
        // The topic whose file this is.
        guard let r = model.reports.firstIndex(where: { $0.topics.contains { $0.source.body.path == path } }),
              let t = model.reports[r].topics.firstIndex(where: { $0.source.body.path == path }) else { return nil }
        var report = model.reports[r]
        let old = report.topics[t]
        guard let loaded = reload(old.source, path: path), sameExceptBody(loaded, old.source) else { return nil }
        timer.lap("incremental: read")

        // Render the body as the assembler does.
        let renderer = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: model.config.allowRawHTML))
        var body = renderer.render(loaded.body.text)
        if !body.links.isEmpty || renderer.options.allowRawHTML {
            body.html = model.contentLinks.rewrite(body.html, from: path, page: old.urlPath, fileSystemLinks: builder.options.fileSystemLinks)
        }
        let excerpt = TopicModel.excerpt(ofHTML: body.html)
        body.html = TableWrapper.wrap(body.html)
        var topic = old
        topic.source = loaded
        topic.source.body.text = ""  // as the assembler keeps it
        topic.body = body
        topic.excerpt = excerpt
        report.topics[t] = topic
        report.fullBody = FullReportBody.anchors(of: report)
        // Anchors other pages may link to must stay as they were.
        guard topic.body.headings.map(\.id) == old.body.headings.map(\.id),
              report.fullBody.ids == previous.model.reports[r].fullBody.ids else { return nil }
        if let file = report.indicatorsFile {
            let quoted = Set(report.indicators.indicators.map(\.topic))
            guard report.indicators.validate(topicUTF8: report.topicUTF8(only: quoted), path: file.path).isEmpty else { return nil }
        }
        model.reports[r] = report
        guard SiteChecker().check(topic: topic, in: model).isEmpty else { return nil }
        timer.lap("render body, check")

        // Pages and data of this report; the search index.
        var search = previous.search
        previous.search = nil
        var written: [OutputFile] = []
        var removed: [String] = []
        if search != nil {
            guard let n = search?.documentNumber(url: topic.urlPath), var doc = search?.docs[n] else { return nil }
            doc.sections = SearchIndexBuilder.sections(of: topic)
            guard let update = search?.update(document: n, with: doc) else { return nil }
            written += update.write.map(SearchIndexBuilder.outputFile)
            removed += update.remove
        }
        timer.lap("search")
        // Other topic pages show only titles of this one (navigation, prev/next) and their own bodies and figures:
        // they cannot change. The overview, full text and figures pages link into this body, so they are redone.
        let editedID = topic.id
        guard let pages = SiteRenderer(options: builder.options).renderReport(report.metadata.id, of: model, searchShards: search?.shards,
                                                                              only: { $0.kind != .topic || $0.topicID == editedID }) else { return nil }
        written += pages
        timer.lap("pages")

        // Keep only files whose bytes changed; patch the file list and the manifest (both sorted by path).
        var files = previous.files
        previous.files = []
        var changedFiles: [OutputFile] = []
        for file in written {
            let (i, found) = PathSearch.position(of: file.path, in: files, key: \.path)
            if found && files[i].bytes == file.bytes { continue }
            if found { files[i] = file } else { files.insert(file, at: i) }
            changedFiles.append(file)
        }
        var gone: [String] = []
        for path in removed where PathSearch.position(of: path, in: files, key: \.path).found {
            PathSearch.remove(path, from: &files, key: \.path)
            gone.append(path)
        }
        guard !changedFiles.isEmpty || !gone.isEmpty else {
            return SiteBuilder.Result(model: model, files: files, manifest: previous.manifest, diagnostics: keptWarnings, search: search, changedPaths: [], removedPaths: [])
        }
        timer.lap("patch files")
        var manifest = previous.manifest
        previous.manifest.files = []
        var kept = previous.manifestChunks ?? ParallelMap.map(manifest.files, Manifest.entryJSON)
        previous.manifestChunks = nil
        var digestText = previous.manifestDigestText
        previous.manifestDigestText = nil
        manifest.update(changed: changedFiles, removed: gone, basePath: model.config.basePath, chunks: &kept, digestText: &digestText)
        timer.lap("manifest entries")
        let json = manifest.json(chunks: kept)
        PathSearch.upsert(OutputFile(path: "manifest.json", bytes: json, kind: .data), into: &files, key: \.path)
        timer.lap("files, manifest")
        var result = SiteBuilder.Result(model: model, files: files, manifest: manifest, diagnostics: keptWarnings, search: search,
                                        changedPaths: (changedFiles.map(\.path) + ["manifest.json"]).sorted(), removedPaths: gone.sorted())
        result.manifestChunks = kept
        result.manifestDigestText = digestText
        return result
    }

    /// The topic read again from its file, nil when it no longer reads cleanly.
    private func reload(_ topic: LoadedTopic, path: String) -> LoadedTopic? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts[0] == "content" else { return nil }
        let folder = builder.root.appendingPathComponent("content").appendingPathComponent(parts[1])
        let file = builder.root.appendingPathComponent(path)
        let name = parts[parts.count - 1]
        let stem = name == "_index.md" ? parts[parts.count - 2] : String(name.dropLast(3))
        // A file that became a link (outside the site, or to a folder), a FIFO …: a whole build says so.
        let boundary = SymlinkGuard.realPath(builder.root)
        guard case .file = SymlinkGuard.verdict(file.path, boundary: boundary, displayPath: path) else { return nil }
        var diagnostics: [Diagnostic] = []
        let loaded = ReportLoader(root: builder.root, folder: folder, boundary: boundary)
            .readTopic(file, display: path, stem: stem, parentID: topic.parentID, depth: topic.depth, diagnostics: &diagnostics)
        return diagnostics.isEmpty ? loaded : nil
    }

    private func sameExceptBody(_ a: LoadedTopic, _ b: LoadedTopic) -> Bool {
        a.id == b.id && a.parentID == b.parentID && a.depth == b.depth && a.title == b.title && a.order == b.order
            && a.summary == b.summary && a.titleLocation == b.titleLocation && a.body.path == b.body.path && a.body.firstLine == b.body.firstLine
    }
}
