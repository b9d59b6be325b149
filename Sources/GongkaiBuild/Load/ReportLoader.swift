import Foundation
import GongkaiCore

/// Reads one report folder: `report.yaml`, `_index.md`, topic files and sub-folders, `indicators.yaml`, assets.
struct ReportLoader {
    let root: URL
    let folder: URL
    /// Leave Markdown bodies on disk (`MarkdownSource.deferred`), to be read when rendered.
    var deferBodies = false

    private var id: String { folder.lastPathComponent }
    private var displayFolder: String { "content/\(id)" }
    /// The site folder's real path: what every link read through must stay inside (`SymlinkGuard`).
    private var boundary: String

    init(root: URL, folder: URL, deferBodies: Bool = false, boundary: String? = nil) {
        self.root = root
        self.folder = folder
        self.deferBodies = deferBodies
        self.boundary = boundary ?? SymlinkGuard.realPath(root)
    }

    /// Whether the file `name` of the report folder may be read: an error (and false) for a link leading outside
    /// the site, a FIFO …; false when it is not there.
    private func readable(_ url: URL, display: String, diagnostics: inout [Diagnostic]) -> Bool {
        switch SymlinkGuard.verdict(url.path, boundary: boundary, displayPath: display) {
        case .file: return true
        case .folder, .missing: return false
        case .refused(let problem):
            diagnostics.append(problem)
            return false
        }
    }

    func load(diagnostics: inout [Diagnostic]) throws(DiagnosticError) -> LoadedReport {
        // report.yaml is read only when it is a file inside the site (a link to /etc/passwd is never opened).
        var refused: [Diagnostic] = []
        let metadataURL = folder.appendingPathComponent("report.yaml", isDirectory: false)
        if !readable(metadataURL, display: "\(displayFolder)/report.yaml", diagnostics: &refused), !refused.isEmpty {
            throw DiagnosticError(diagnostics + refused)
        }
        let metadata = try readMetadata(diagnostics: &diagnostics)
        var opening: MarkdownSource?
        let indexURL = folder.appendingPathComponent("_index.md", isDirectory: false)
        // A refused _index.md or indicators.yaml: the folder's listing (`loadTopics`) reports it, once.
        var reportedByListing: [Diagnostic] = []
        if readable(indexURL, display: "\(displayFolder)/_index.md", diagnostics: &reportedByListing) {
            var fingerprint: FileFingerprint?
            let file = try SourceFile.read(indexURL, displayPath: "\(displayFolder)/_index.md", fingerprint: &fingerprint)
            let doc = try FrontMatterDocument.parse(file, keepBody: !defers(fingerprint))
            opening = source(indexURL, display: "\(displayFolder)/_index.md", doc, fingerprint)
        }
        var topics: [LoadedTopic] = []
        var assets: [StaticFile] = []
        loadTopics(in: folder, relative: "", parentID: nil, depth: 1, into: &topics, assets: &assets, diagnostics: &diagnostics)
        var indicators: SourceFile?
        let indicatorsURL = folder.appendingPathComponent("indicators.yaml", isDirectory: false)
        if readable(indicatorsURL, display: "\(displayFolder)/indicators.yaml", diagnostics: &reportedByListing) {
            do { indicators = try SourceFile.read(indicatorsURL, displayPath: "\(displayFolder)/indicators.yaml") } catch { diagnostics += error.diagnostics }
        }
        return LoadedReport(metadata: metadata, opening: opening, topics: topics, indicators: indicators, assets: assets)
    }

    private func readMetadata(diagnostics: inout [Diagnostic]) throws(DiagnosticError) -> ReportMetadata {
        let path = "\(displayFolder)/report.yaml"
        let file = try SourceFile.read(folder.appendingPathComponent("report.yaml", isDirectory: false), displayPath: path)
        let yaml = try YAMLReader.parse(file.text, path: path)
        guard yaml.isMapping else {
            throw DiagnosticError([.error(BuildText.reportMetadataNotMapping.message, at: yaml.location)])
        }
        var f = FieldReader(yaml)
        f.rejectUnknown(["title", "year", "series", "series_key", "publisher", "written", "published", "document_number", "index_number",
                         "category", "validity", "salutation", "closing", "summary", "signature"])
        var meta = ReportMetadata(id: id, title: f.string("title", required: true) ?? id, year: f.int("year", required: true) ?? 0,
                                  location: SourceLocation(path: path, line: 1, column: 1))
        meta.fieldLocations = yaml.scalarLocations()
        meta.series = f.string("series") ?? ""
        meta.publisher = f.string("publisher") ?? ""
        meta.seriesKey = f.string("series_key") ?? ""
        meta.written = f.date("written") ?? ""
        meta.published = f.date("published") ?? ""
        meta.documentNumber = f.string("document_number") ?? ""
        meta.indexNumber = f.string("index_number") ?? ""
        meta.category = f.string("category") ?? ""
        meta.validity = f.string("validity") ?? ""
        meta.salutation = f.string("salutation") ?? ""
        meta.closing = f.strings("closing")
        meta.summary = f.string("summary") ?? ""
        meta.signature = f.string("signature") ?? ""
        diagnostics += f.diagnostics
        if let written = CalendarDate(meta.written), let published = CalendarDate(meta.published), published < written {
            diagnostics.append(.error(BuildText.publishedBeforeWritten(["published": published, "written": written]),
                                      at: meta.fieldLocations["published"] ?? meta.location))
        }
        if !Self.isValidSegment(id) {
            diagnostics.append(.error(BuildText.reportFolderNameNotURLSafe(["id": id]), at: meta.location))
        }
        return meta
    }

    /// Reads the topics of one folder level, depth first, siblings sorted by `order` then file name.
    private func loadTopics(in dir: URL, relative: String, parentID: String?, depth: Int,
                            into topics: inout [LoadedTopic], assets: inout [StaticFile], diagnostics: inout [Diagnostic]) {
        let shownDir = relative.isEmpty ? displayFolder : "\(displayFolder)/\(relative.dropLast())"
        let entries = SiteFolder.entries(of: dir, display: shownDir, boundary: boundary, diagnostics: &diagnostics)
        var level: [(topic: LoadedTopic, folder: URL?)] = []
        for entry in entries {
            let name = entry.name, url = entry.url
            let display = "\(displayFolder)/\(relative)\(name)"
            if entry.isDirectory {
                let index = url.appendingPathComponent("_index.md", isDirectory: false)
                var reportedByListing: [Diagnostic] = []  // a refused _index.md: the folder's listing reports it
                guard readable(index, display: "\(display)/_index.md", diagnostics: &reportedByListing) else {
                    collectAssets(in: url, relative: "\(relative)\(name)/", into: &assets, diagnostics: &diagnostics)
                    continue
                }
                if let topic = readTopic(index, display: "\(display)/_index.md", stem: name, parentID: parentID, depth: depth, diagnostics: &diagnostics) {
                    level.append((topic, url))
                }
            } else if name.hasSuffix(".md") {
                if depth == 1 && name == "_index.md" { continue }
                if name == "_index.md" { continue }
                let stem = String(name.dropLast(3))
                if let topic = readTopic(url, display: display, stem: stem, parentID: parentID, depth: depth, diagnostics: &diagnostics) {
                    level.append((topic, nil))
                }
            } else if depth == 1 && ["report.yaml", "indicators.yaml", "source.txt"].contains(name) || name.hasSuffix(".draft.yaml") {
                continue
            } else if let bytes = FileBytes.read(url.path) {
                assets.append(StaticFile(outputPath: "\(id)/\(relative)\(name)", bytes: bytes))
            } else {
                diagnostics.append(.error(BuildText.cannotReadFile.message, at: SourceLocation(path: display, line: 1, column: 1)))
            }
        }
        level.sort { ($0.topic.order, $0.topic.id) < ($1.topic.order, $1.topic.id) }
        for (topic, sub) in level {
            topics.append(topic)
            if let sub {
                loadTopics(in: sub, relative: "\(relative)\(sub.lastPathComponent)/", parentID: topic.id, depth: depth + 1,
                           into: &topics, assets: &assets, diagnostics: &diagnostics)
            }
        }
    }

    private func collectAssets(in dir: URL, relative: String, into assets: inout [StaticFile], diagnostics: inout [Diagnostic]) {
        let display = "\(displayFolder)/\(relative.dropLast())"
        for (path, url) in SiteFolder.files(below: dir, display: display, boundary: boundary, diagnostics: &diagnostics) {
            guard let bytes = FileBytes.read(url.path) else {
                diagnostics.append(.error(BuildText.cannotReadFile.message, at: SourceLocation(path: "\(displayFolder)/\(relative)\(path)", line: 1, column: 1)))
                continue
            }
            assets.append(StaticFile(outputPath: "\(id)/\(relative)\(path)", bytes: bytes))
        }
    }

    func readTopic(_ url: URL, display: String, stem: String, parentID: String?, depth: Int, diagnostics: inout [Diagnostic]) -> LoadedTopic? {
        let doc: FrontMatterDocument
        var fingerprint: FileFingerprint?
        do {
            // A body left on disk is not read as a string here: only the front matter is (its bytes are checked).
            let file = deferBodies ? try SourceFile.readFrontMatter(url, displayPath: display, fingerprint: &fingerprint)
                                   : try SourceFile.read(url, displayPath: display, fingerprint: &fingerprint)
            doc = try FrontMatterDocument.parse(file, keepBody: !defers(fingerprint))
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
        var f = FieldReader(doc.fields)
        f.rejectUnknown(["title", "order", "slug", "summary"])
        let title = f.string("title", required: true)
        let order = f.int("order") ?? Int(stem.prefix { $0.isASCII && $0.isNumber }) ?? Int.max
        let slug = f.string("slug") ?? stem
        let summary = f.string("summary") ?? ""
        diagnostics += f.diagnostics
        if !Self.isValidSegment(slug) {
            diagnostics.append(.error(BuildText.slugNotURLSafe(["slug": slug]), at: doc.fields["slug"]?.location ?? SourceLocation(path: display, line: 1, column: 1)))
        }
        if ["full", "indicators"].contains(slug) && parentID == nil {
            diagnostics.append(.error(BuildText.slugReserved(["slug": slug]), at: doc.fields["slug"]?.location ?? SourceLocation(path: display, line: 1, column: 1)))
        }
        guard let title else { return nil }
        let id = parentID.map { "\($0)/\(slug)" } ?? slug
        return LoadedTopic(id: id, parentID: parentID, depth: depth, title: title, order: order, summary: summary,
                           body: source(url, display: display, doc, fingerprint),
                           titleLocation: doc.fields["title"]?.location ?? SourceLocation(path: display, line: 1, column: 1),
                           summaryLocation: doc.fields["summary"]?.location)
    }

    /// The body of `doc` (read from `url`), or where to read it again (`defers`).
    private func source(_ url: URL, display: String, _ doc: FrontMatterDocument, _ fingerprint: FileFingerprint?) -> MarkdownSource {
        var source = MarkdownSource(path: display, text: doc.body, firstLine: doc.bodyLine)
        if defers(fingerprint), let fingerprint {
            source.deferred = DeferredBody(path: url.path, offset: doc.bodyOffset, fingerprint: fingerprint)
        }
        return source
    }

    /// Whether a body read with `fingerprint` is left on disk: when bodies are deferred and the file's fingerprint
    /// is known (a file read through Foundation keeps its body).
    private func defers(_ fingerprint: FileFingerprint?) -> Bool {
        deferBodies && fingerprint != nil
    }

    static func isValidSegment(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") } && s != "." && s != ".."
    }
}
