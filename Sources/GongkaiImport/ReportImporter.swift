import Foundation
import GongkaiCore
import GongkaiIndicators
import GongkaiYAML
import Markdown
import Yams

/// Imports a plain-text report into the content model: decode → ``ReportParser`` → ``ReportOutline`` →
/// ``SectionWriter`` → written to a temporary folder → ``FidelityChecker`` → moved into place.
/// An existing report folder is replaced only with `force`; on any error nothing is left behind.
public struct ReportImporter: Sendable {
    /// The user's options.
    public let options: ImportOptions

    /// Creates an importer.
    public init(options: ImportOptions = ImportOptions()) { self.options = options }

    /// Decodes and parses `bytes` read from `path` and lays out the pages, writing nothing.
    /// `site`: the reports already in the site, whose figures of the same publisher's other years the draft's ids
    /// are lined up with.
    public func plan(bytes: [UInt8], path: String, site: SiteReports = SiteReports([])) throws(DiagnosticError) -> ImportPlan {
        let id = try reportID(for: path)
        var (source, sourceBytes) = try SourceReader().read(bytes, path: path)
        let table = MetadataTable.read(from: &source)
        if source.format != .docx { PageChrome.drop(from: &source) }
        let outline = ReportParser().parse(source)
        var diagnostics = outline.diagnostics
        var title = options.title
        if title != nil, outline.title != nil {
            diagnostics.append(.warning(ImportText.titleOptionIgnored.message, at: SourceLocation(path: path, line: 1, column: 1)))
            title = nil
        }
        var metadata = ImportMetadata(outline: outline, id: id, title: title, series: options.series, year: options.year)
        metadata.apply(table)
        if metadata.titleSource != .text, metadata.titleSource != .option, metadata.titleSource != .page, let t = source.pageTitle {
            var fromPage = MetadataTable()
            fromPage.values["title"] = t
            metadata.apply(fromPage)
        }
        if options.series == nil, metadata.series == nil, let t = metadata.title { metadata.series = ImportMetadata.afterYear(t) }
        if let publisher = options.publisher {
            metadata.publisher = publisher
        } else if metadata.publisher == nil, let series = metadata.series, let place = metadata.title.flatMap { ImportMetadata.place(in: $0) },
                  let known = site.publisher(of: series, startingWith: place) {
            metadata.publisher = known
            diagnostics.append(.warning(ImportText.publisherFromSite(["publisher": known, "series": series, "place": place]),
                                        at: SourceLocation(path: path, line: 1, column: 1)))
        }
        let left = source.dropped.filter { $0.line > 0 }.count
        if left > 0 {
            diagnostics.append(.warning(ImportText.linesLeftOut(["count": left]), at: SourceLocation(path: path, line: source.dropped.first { $0.line > 0 }?.line ?? 1, column: 1)))
        }
        if metadata.title == nil {
            diagnostics.append(.warning(ImportText.noTitle.message,
                                        at: SourceLocation(path: path, line: 1, column: 1)))
        }
        if metadata.written == nil {
            diagnostics.append(.warning(ImportText.noDateLine.message, at: SourceLocation(path: path, line: source.lines.count, column: 1)))
        }
        let pages = SectionWriter(split: options.split).pages(for: outline)
        var draft = IndicatorExtractor.draft(topics: pages.filter { $0.title != nil }.map { (id: $0.topicID, text: Self.clauses($0.text)) })
        // Ids lined up with the same publisher's other years of the series, so that comparisons need no hand-editing.
        var alignment: IndicatorAlignment.Result?
        var alignedWith: [String] = []
        var comments: [String: String] = [:]
        if let year = metadata.year, let series = metadata.series, !draft.isEmpty {
            let others = site.series(series, publisher: metadata.publisher ?? "", year: year)
                .filter { !$0.indicators.isEmpty }.sorted { ($0.year, $0.id) < ($1.year, $1.id) }
            if !others.isEmpty {
                let result = IndicatorAlignment.align(draft, year: year, with: others.map {
                    IndicatorAlignment.OtherYear(year: $0.year, reportID: $0.id, indicators: $0.indicators)
                })
                draft = result.indicators
                alignment = result
                alignedWith = others.map { "\($0.year) (content/\($0.id))" }
                for (indicator, match) in zip(result.indicators.indicators, result.matches) {
                    switch match {
                    case .same(let year, _, _)?: comments[indicator.id] = "the same figure as \(year)'s"
                    case .close(let year, let reportID, let other, _)?:
                        comments[indicator.id] = "CHECK: close to \(year)'s “\(other.quote)” (content/\(reportID)); give another id if it is not the same figure"
                    case nil: break
                    }
                }
            }
        }
        // Only figures the build accepts: each is checked as the build checks it, against its page's rendered text
        // (a figure in a heading line, say, has a quote the page's body does not hold); the others are left out.
        let (accepted, leftOut) = Self.acceptedDraft(draft, pages: pages)
        if !leftOut.isEmpty {
            let examples = leftOut.prefix(3).map { "“\($0.indicator.quote)” (\($0.reason))" }.joined(separator: "; ")
            diagnostics.append(.warning(ImportText.figuresLeftOut(["count": leftOut.count, "examples": examples, "more": leftOut.count > 3 ? " …" : ""]),
                                        at: SourceLocation(path: path, line: 1, column: 1)))
            if let kept = alignment {
                let keep = Set(accepted.indicators.map(\.id))
                let pairs = zip(kept.indicators.indicators, kept.matches).filter { keep.contains($0.0.id) }
                alignment = IndicatorAlignment.Result(indicators: accepted, matches: pairs.map(\.1))
            }
        }
        draft = accepted
        var draftYAML: String?
        if !draft.isEmpty {
            let yaml = IndicatorFile.yaml(for: draft, comments: comments)
            do {
                _ = try IndicatorFile.load(path: "indicators.yaml", text: yaml)
                draftYAML = yaml
            } catch {
                diagnostics.append(.warning(ImportText.noIndicatorDraft.embedding(["problem": error.diagnostics.first?.text ?? CoreText.verbatim(["text": ""])]),
                                            at: SourceLocation(path: path, line: 1, column: 1)))
            }
        }
        var plan = ImportPlan(id: id, source: source, sourceBytes: sourceBytes, outline: outline, metadata: metadata, pages: pages,
                              indicatorDraft: draftYAML, diagnostics: diagnostics)
        plan.alignment = alignment
        plan.alignedWith = alignedWith
        return plan
    }

    /// Writes `plan` to `content/<id>/` below `contentFolder`, proves it against the source and moves it into place.
    /// Returns the report folder. `warn` hears what `--force` could not keep (a report.yaml title other than the
    /// text's title line). `check` is given the written folder before it is moved into place and returns what
    /// `build` would refuse in it (the CLI passes `ImportedReportCheck`): any error there and nothing is kept.
    @discardableResult
    public func write(_ plan: ImportPlan, into contentFolder: URL, warn: (Diagnostic) -> Void = { _ in },
                      check: ((URL) -> [Diagnostic])? = nil) throws(DiagnosticError) -> URL {
        let fm = FileManager.default
        let target = contentFolder.appendingPathComponent(plan.id, isDirectory: true)
        let shown = SourceLocation(path: target.path, line: 1, column: 1)
        func fail(_ message: Message) -> DiagnosticError { DiagnosticError([.error(message, at: shown)]) }
        // `year: TODO` would be written, and build refuses it.
        guard plan.metadata.year != nil else {
            throw fail(ImportText.noYear.message)
        }
        Self.removeAbandonedTemporaryFolders(in: contentFolder)

        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists, !options.force {
            throw fail(ImportText.folderExists(["path": target.path]))
        }
        if exists, !isDirectory.boolValue { throw fail(ImportText.existsNotFolder(["path": target.path])) }
        do {
            try fm.createDirectory(at: contentFolder, withIntermediateDirectories: true)
        } catch {
            throw fail(ImportText.cannotCreateFolder(["path": contentFolder.path, "error": error.localizedDescription]))
        }

        let token = UUID().uuidString.prefix(8)
        let temp = contentFolder.appendingPathComponent(".gongkai-import-\(plan.id)-\(token)", isDirectory: true)
        // Which process writes it, so that a later import can tell it from one still running.
        let owner = "\(ProcessInfo.processInfo.processIdentifier)"
        var metadata = plan.metadata
        if exists {
            let existing = try Self.readScalars(target.appendingPathComponent("report.yaml"), shownAs: target.appendingPathComponent("report.yaml").path)
            let notes = metadata.keepHandFilled(from: existing, documentNumberFromText: plan.outline.documentNumber != nil)
            for note in notes { warn(.warning(note, at: shown)) }
        }
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: true)
            try Data(owner.utf8).write(to: temp.appendingPathComponent(Self.ownerFile))
            try Data(metadata.yaml.utf8).write(to: temp.appendingPathComponent("report.yaml"))
            // Images of a Word file, beside the page that shows them.
            for page in plan.pages {
                for name in Self.imageNames(in: page.body) {
                    guard let data = plan.source.attachments[name] else { continue }
                    let folder = Self.assetFolder(of: page.path).map { temp.appendingPathComponent($0, isDirectory: true) } ?? temp
                    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
                    try Data(data).write(to: folder.appendingPathComponent(name))
                }
            }
            try Data(plan.sourceBytes).write(to: temp.appendingPathComponent("source.txt"))
            for page in plan.pages {
                let url = temp.appendingPathComponent(page.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(page.fileText.utf8).write(to: url)
            }
            if let draft = plan.indicatorDraft {
                try Data(draft.utf8).write(to: temp.appendingPathComponent("indicators.yaml"))
            }
            // Files of the old folder (a curated indicators.yaml among them) win over the draft.
            if exists { try carryOver(from: target, to: temp, keeping: imagePaths(plan)) }
        } catch {
            try? fm.removeItem(at: temp)
            throw fail(ImportText.cannotWrite(["error": error.localizedDescription]))
        }

        let problems = FidelityChecker().check(folder: temp, source: plan.source, outline: plan.outline,
                                               pages: plan.pages.map(\.path), titleFromText: plan.metadata.titleSource == .text)
            + FidelityChecker().checkImages(folder: temp, pages: plan.pages.map(\.path), source: plan.source)
        if problems.hasErrors {
            try? fm.removeItem(at: temp)
            throw DiagnosticError(problems)
        }
        try? fm.removeItem(at: temp.appendingPathComponent(Self.ownerFile))
        if let check {
            let refused = check(temp)
            if refused.hasErrors {
                try? fm.removeItem(at: temp)
                throw DiagnosticError(refused + [.error(ImportText.buildWouldRefuse.message, at: shown)])
            }
        }

        do {
            if exists {
                let old = contentFolder.appendingPathComponent(".gongkai-import-old-\(plan.id)-\(token)", isDirectory: true)
                try fm.moveItem(at: target, to: old)
                do {
                    try fm.moveItem(at: temp, to: target)
                } catch {
                    try? fm.moveItem(at: old, to: target)
                    throw error
                }
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: temp, to: target)
            }
        } catch {
            try? fm.removeItem(at: temp)
            throw fail(ImportText.cannotMoveIntoPlace(["error": error.localizedDescription]))
        }
        return target
    }

    /// The report id: the option, or the file name without extension. It must be what `build` accepts as a folder
    /// name and URL segment: ASCII letters, digits, `-`, `_` and `.`, not starting with a dot.
    public func reportID(for path: String) throws(DiagnosticError) -> String {
        let id = options.id ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        guard Self.isValidID(id) else {
            let message = options.id == nil ? ImportText.fileNameNotID(["id": id]) : ImportText.optionNotID(["id": id])
            throw DiagnosticError([.error(message,
                                          at: SourceLocation(path: path, line: 1, column: 1))])
        }
        return id
    }

    /// A page's text with every line ending a clause: the extractor splits clauses at punctuation only, and a heading
    /// without a full stop (一、工作成效) must not become the start of the next paragraph's quote, which the page
    /// does not show as one run of text.
    static func clauses(_ text: String) -> String {
        let ends: Set<Character> = ["，", ",", "；", ";", "。", "：", ":", "！", "？", "!", "?"]
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.last.map(ends.contains) ?? true ? String(line) : line + "。" }.joined(separator: "\n")
    }

    /// Whether `id` is a report id `build` accepts.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix(".")
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    /// The file names of the images a page's Markdown shows (`![](image1.png)`).
    static func imageNames(in body: String) -> [String] {
        var out: [String] = []
        var rest = Substring(body)
        while let r = rest.range(of: "](") {
            // An image's link: `![alt](file)` (the alt text escaped, so a `](` inside it is `\]`).
            let before = rest[..<r.lowerBound]
            rest = rest[r.upperBound...]
            guard let open = before.lastIndex(of: "["), open > before.startIndex, before[before.index(before: open)] == "!",
                  let close = rest.firstIndex(of: ")") else { continue }
            out.append(String(rest[..<close]))
        }
        return out
    }

    /// The folder below the report where the images of page `path` go, so that the page's relative links reach
    /// them: `02/01.md` → `02/01`, `02/_index.md` → `02`, `_index.md` → the report folder (nil).
    static func assetFolder(of path: String) -> String? {
        if path == "_index.md" { return nil }
        if path.hasSuffix("/_index.md") { return String(path.dropLast("/_index.md".count)) }
        return path.hasSuffix(".md") ? String(path.dropLast(3)) : nil
    }

    /// The paths below the report folder of the images this import writes.
    private func imagePaths(_ plan: ImportPlan) -> Set<String> {
        var out: Set<String> = []
        for page in plan.pages {
            for name in Self.imageNames(in: page.body) where plan.source.attachments[name] != nil {
                out.insert(Self.assetFolder(of: page.path).map { "\($0)/\(name)" } ?? name)
            }
        }
        return out
    }

    /// Copies files of the old report folder that the importer does not generate (indicators.yaml, images …);
    /// the images of this import (`keeping`) stay the new ones.
    private func carryOver(from old: URL, to new: URL, keeping: Set<String>) throws {
        let fm = FileManager.default
        guard let files = fm.enumerator(at: old, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        let base = old.standardizedFileURL.path
        for case let url as URL in files {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            var relative = String(url.standardizedFileURL.path.dropFirst(base.count))
            while relative.hasPrefix("/") { relative.removeFirst() }
            if relative == "report.yaml" || relative == "source.txt" || relative.hasSuffix(".md") || keeping.contains(relative) { continue }
            let destination = new.appendingPathComponent(relative)
            if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
            try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: url, to: destination)
        }
    }

    /// The file in a temporary import folder that names the process writing it.
    static let ownerFile = ".gongkai-import-owner"

    /// Removes the temporary folders (`.gongkai-import-*`) that an import killed before it finished left behind:
    /// those whose writing process is gone (a folder without an owner file is older than a minute). Only folders
    /// of that name, made by gongkai, are touched.
    static func removeAbandonedTemporaryFolders(in contentFolder: URL) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: contentFolder.path)) ?? [] where name.hasPrefix(".gongkai-import-") {
            let folder = contentFolder.appendingPathComponent(name, isDirectory: true)
            guard let attributes = try? fm.attributesOfItem(atPath: folder.path), attributes[.type] as? FileAttributeType == .typeDirectory else { continue }
            let ownerPath = folder.appendingPathComponent(ownerFile).path
            if let text = fm.contents(atPath: ownerPath).map({ String(decoding: $0, as: UTF8.self) }), let pid = Int32(text) {
                // A process that still exists (kill(pid, 0) succeeds, or fails only for permission) is still writing.
                if kill(pid, 0) == 0 || errno == EPERM { continue }
            } else if let modified = attributes[.modificationDate] as? Date, Date().timeIntervalSince(modified) < 60 {
                continue
            }
            try? fm.removeItem(at: folder)
        }
    }

    /// The drafted figures `build` accepts, and those it would refuse with the reason: each is checked as the
    /// build checks indicators (quote verbatim in its page's rendered text, `written` agreeing with value and unit,
    /// a label); a figure without a label gets its clause as label first.
    static func acceptedDraft(_ draft: IndicatorSet, pages: [TopicPage]) -> (IndicatorSet, [(indicator: Indicator, reason: String)]) {
        let renderer = MarkdownRenderer()
        var texts: [String: String] = [:]
        for page in pages { texts[page.title == nil ? "_index" : page.topicID] = HTMLText.plain(renderer.render(page.body).html) }
        var kept: [Indicator] = []
        var leftOut: [(Indicator, String)] = []
        for var indicator in draft.indicators {
            if indicator.label.trimmingCharacters(in: .whitespaces).isEmpty {
                let clause = indicator.quote.replacingOccurrences(of: indicator.written, with: "").trimmingCharacters(in: .whitespaces)
                indicator.label = clause.isEmpty ? indicator.written : clause
            }
            let problems = IndicatorSet([indicator]).validate(topicTexts: texts, path: "indicators.yaml").filter { $0.severity == .error }
            if let first = problems.first { leftOut.append((indicator, first.message)) } else { kept.append(indicator) }
        }
        return (IndicatorSet(kept), leftOut)
    }

    /// The string values of a YAML mapping file (empty when missing or unreadable); an alias in it is an error
    /// (`YAMLAliasGuard`) rather than a file whose hand-filled values are silently dropped.
    private static func readScalars(_ url: URL, shownAs path: String) throws(DiagnosticError) -> [String: String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        try YAMLAliasGuard.check(text, path: path)
        guard let map = (try? Yams.load(yaml: text)) as? [String: Any] else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in map {
            if let s = v as? String { out[k] = s } else if let i = v as? Int { out[k] = String(i) } else if let d = v as? Date {
                out[k] = ISO8601DateFormatter.dateOnly.string(from: d)
            }
        }
        return out
    }
}

extension ISO8601DateFormatter {
    /// `YYYY-MM-DD` in UTC.
    fileprivate static var dateOnly: ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return f
    }
}
