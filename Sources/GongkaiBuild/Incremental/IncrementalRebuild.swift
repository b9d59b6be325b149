import Foundation
import GongkaiCore
import GongkaiSearch

/// The pipeline run for one edited topic body: the changed input is that one file, read again; the structure is the
/// previous one with that topic's source replaced; the body stage renders its report; its pages whose bytes can
/// change (the topic's own, the overview, the full text, the figures page) and its open data are made by the render
/// stage; the search index is updated in place; the manifest is patched. Anything else (a new or removed file, a
/// changed title or order, changed anchors, a warning in the edited file) returns nil, and the caller builds the whole
/// site: the fast path never guesses.
struct IncrementalRebuild {
    let builder: SiteBuilder
    /// The previous build's state, owned: its large arrays are moved out and changed in place, not copied.
    var previous: RebuildState

    consuming func rebuild(changed: [String]) -> IncrementalUpdate? {
        guard changed.count == 1, let path = changed.first, path.hasSuffix(".md"),
              !previous.diagnostics.contains(where: { $0.location.path == path }) else { return nil }
        var timer = StageTimer()
        defer { timer.report() }
        var model = previous.site.model
        guard model.config.search == (previous.search != nil) else { return nil }
        // The topic whose file this is.
        guard let r = model.reports.firstIndex(where: { $0.topics.contains { $0.source.body.path == path } }),
              let t = model.reports[r].topics.firstIndex(where: { $0.source.body.path == path }) else { return nil }
        let old = model.reports[r].topics[t]
        guard let loaded = reload(old.source, path: path), sameExceptBody(loaded, old.source) else { return nil }
        model.reports[r].topics[t].source = loaded
        let site = previous.site.replacing(model)
        timer.lap("incremental: read")

        // The body stage, for this report.
        guard let rendered = site.bodies.render(site, positions: r..<(r + 1)).first, rendered.diagnostics.isEmpty else { return nil }
        // Anchors other pages may link to must stay as they were.
        let before = previous.facts[r]
        guard rendered.facts.topics[t].anchors == before.topics[t].anchors, rendered.facts.fullAnchors == before.fullAnchors else { return nil }
        var facts = previous.facts
        previous.facts = []
        facts[r] = rendered.facts
        guard SiteChecker().check(topic: t, of: r, in: model, facts: facts).isEmpty else { return nil }
        timer.lap("render body, check")

        // The search index.
        var search = previous.search
        previous.search = nil
        var written: [OutputFile] = []
        var removed: [String] = []
        let topic = model.reports[r].topics[t]
        if search != nil {
            guard let n = search?.documentNumber(url: topic.urlPath), var doc = search?.docs[n] else { return nil }
            doc.sections = SearchIndexBuilder.sections(of: topic, body: rendered.bodies.topic(t))
            guard let update = search?.update(document: n, with: doc) else { return nil }
            written += update.write.map(SearchIndexBuilder.outputFile)
            removed += update.remove
        }
        timer.lap("search")
        // Other topic pages show only titles of this one (navigation, prev/next) and their own bodies and figures:
        // they cannot change. The overview, full text and figures pages link into this body, so they are redone.
        let editedID = topic.id
        let pages = model.pages.filter { $0.reportID == model.reports[r].metadata.id && ($0.kind != .topic || $0.topicID == editedID) }
        let output = MemoryOutput()
        let counter = ProgressCounter(total: pages.count, progress: nil)
        let missing = SiteRenderer(options: builder.options).renderReports([rendered], pages: pages, of: model, searchShards: search?.shards,
                                                                           counter: counter, emit: { output.put($0) })
        guard missing.isEmpty else { return nil }
        written += output.files()
        timer.lap("pages")

        // Keep only files whose bytes changed; patch the manifest (sorted by path).
        var manifest = previous.manifest
        previous.manifest.files = []
        var changedFiles: [OutputFile] = []
        for file in written {
            if let entry = manifest.entry(at: file.path), entry.size == file.bytes.count, entry.sha256 == Manifest.sha256(file.bytes) { continue }
            changedFiles.append(file)
        }
        let gone = removed.filter { manifest.entry(at: $0) != nil }
        var state = RebuildState(site: site, facts: facts, search: search, manifest: manifest, diagnostics: previous.diagnostics)
        guard !changedFiles.isEmpty || !gone.isEmpty else {
            state.manifestChunks = previous.manifestChunks
            state.manifestDigestText = previous.manifestDigestText
            return IncrementalUpdate(files: [], changedPaths: [], removedPaths: [], state: state)
        }
        var kept = previous.manifestChunks ?? ParallelMap.map(manifest.files, Manifest.entryJSON)
        previous.manifestChunks = nil
        var digestText = previous.manifestDigestText
        previous.manifestDigestText = nil
        manifest.update(changed: changedFiles, removed: gone, basePath: model.config.basePath, chunks: &kept, digestText: &digestText)
        timer.lap("manifest entries")
        let json = OutputFile(path: "manifest.json", bytes: manifest.json(chunks: kept), kind: .data)
        timer.lap("manifest")
        state.manifest = manifest
        state.manifestChunks = kept
        state.manifestDigestText = digestText
        let files = (changedFiles + [json]).sorted { $0.path < $1.path }
        return IncrementalUpdate(files: files, changedPaths: files.map(\.path), removedPaths: gone.sorted(), state: state)
    }

    /// The topic read again from its file (its body left there), nil when it no longer reads cleanly.
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
        let loaded = ReportLoader(root: builder.root, folder: folder, deferBodies: true, boundary: boundary)
            .readTopic(file, display: path, stem: stem, parentID: topic.parentID, depth: topic.depth, diagnostics: &diagnostics)
        return diagnostics.isEmpty ? loaded : nil
    }

    private func sameExceptBody(_ a: LoadedTopic, _ b: LoadedTopic) -> Bool {
        a.id == b.id && a.parentID == b.parentID && a.depth == b.depth && a.title == b.title && a.order == b.order
            && a.summary == b.summary && a.titleLocation == b.titleLocation && a.body.path == b.body.path && a.body.firstLine == b.body.firstLine
    }
}
