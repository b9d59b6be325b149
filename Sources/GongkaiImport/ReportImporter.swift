import Foundation
import GongkaiCore
import GongkaiIndicators
import GongkaiYAML
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
        let source = try SourceDecoder().decode(bytes, path: path)
        let outline = ReportParser().parse(source)
        var diagnostics = outline.diagnostics
        var title = options.title
        if title != nil, outline.title != nil {
            diagnostics.append(.warning("the text has a title line; --title is ignored", at: SourceLocation(path: path, line: 1, column: 1)))
            title = nil
        }
        var metadata = ImportMetadata(outline: outline, id: id, title: title, series: options.series, year: options.year)
        if let publisher = options.publisher {
            metadata.publisher = publisher
        } else if metadata.publisher == nil, let series = metadata.series, let place = metadata.title.flatMap { ImportMetadata.place(in: $0) },
                  let known = site.publisher(of: series, startingWith: place) {
            metadata.publisher = known
            diagnostics.append(.warning("发布机构 (publisher) set to “\(known)”, as in the site's other \(series) of \(place); "
                                        + "correct report.yaml or pass --publisher if this report is another body's",
                                        at: SourceLocation(path: path, line: 1, column: 1)))
        }
        if metadata.title == nil {
            diagnostics.append(.warning("no title line and no title could be derived; report.yaml gets title: TODO (or pass --title)",
                                        at: SourceLocation(path: path, line: 1, column: 1)))
        }
        if metadata.written == nil {
            diagnostics.append(.warning("no date line (2025年2月28日) at the end; written: TODO", at: SourceLocation(path: path, line: source.lines.count, column: 1)))
        }
        let pages = SectionWriter(split: options.split).pages(for: outline)
        var draft = IndicatorExtractor.draft(topics: pages.filter { $0.title != nil }.map { (id: $0.topicID, text: $0.text) })
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
        var draftYAML: String?
        if !draft.isEmpty {
            let yaml = IndicatorFile.yaml(for: draft, comments: comments)
            do {
                _ = try IndicatorFile.load(path: "indicators.yaml", text: yaml)
                draftYAML = yaml
            } catch {
                diagnostics.append(.warning("no indicators.yaml draft: the extracted figures do not load back (\(error.diagnostics.first?.message ?? ""))",
                                            at: SourceLocation(path: path, line: 1, column: 1)))
            }
        }
        var plan = ImportPlan(id: id, source: source, sourceBytes: bytes, outline: outline, metadata: metadata, pages: pages,
                              indicatorDraft: draftYAML, diagnostics: diagnostics)
        plan.alignment = alignment
        plan.alignedWith = alignedWith
        return plan
    }

    /// Writes `plan` to `content/<id>/` below `contentFolder`, proves it against the source and moves it into place.
    /// Returns the report folder.
    @discardableResult
    public func write(_ plan: ImportPlan, into contentFolder: URL) throws(DiagnosticError) -> URL {
        let fm = FileManager.default
        let target = contentFolder.appendingPathComponent(plan.id, isDirectory: true)
        let shown = SourceLocation(path: target.path, line: 1, column: 1)
        func fail(_ message: String) -> DiagnosticError { DiagnosticError([.error(message, at: shown)]) }

        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists, !options.force {
            throw fail("\(target.path) already exists; nothing was written (use --force to replace it: hand-filled report.yaml values and non-Markdown files such as indicators.yaml are kept)")
        }
        if exists, !isDirectory.boolValue { throw fail("\(target.path) exists and is not a folder") }
        do {
            try fm.createDirectory(at: contentFolder, withIntermediateDirectories: true)
        } catch {
            throw fail("cannot create \(contentFolder.path): \(error.localizedDescription)")
        }

        let token = UUID().uuidString.prefix(8)
        let temp = contentFolder.appendingPathComponent(".gongkai-import-\(plan.id)-\(token)", isDirectory: true)
        var metadata = plan.metadata
        if exists { metadata.keepHandFilled(from: try Self.readScalars(target.appendingPathComponent("report.yaml"), shownAs: target.appendingPathComponent("report.yaml").path)) }
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: true)
            try Data(metadata.yaml.utf8).write(to: temp.appendingPathComponent("report.yaml"))
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
            if exists { try carryOver(from: target, to: temp) }
        } catch {
            try? fm.removeItem(at: temp)
            throw fail("cannot write the report: \(error.localizedDescription)")
        }

        let problems = FidelityChecker().check(folder: temp, source: plan.source, outline: plan.outline,
                                               pages: plan.pages.map(\.path), titleFromText: plan.metadata.titleSource == .text)
        if problems.hasErrors {
            try? fm.removeItem(at: temp)
            throw DiagnosticError(problems)
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
            throw fail("cannot move the imported report into place: \(error.localizedDescription)")
        }
        return target
    }

    /// The report id: the option, or the file name without extension.
    public func reportID(for path: String) throws(DiagnosticError) -> String {
        let id = options.id ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        guard !id.isEmpty, !id.hasPrefix("."), !id.contains("/"), !id.contains("\\"),
              !id.contains(where: { $0.isWhitespace }) else {
            throw DiagnosticError([.error("“\(id)” cannot be a report id (a folder name and URL segment); pass --id",
                                          at: SourceLocation(path: path, line: 1, column: 1))])
        }
        return id
    }

    /// Copies files of the old report folder that the importer does not generate (indicators.yaml, images …).
    private func carryOver(from old: URL, to new: URL) throws {
        let fm = FileManager.default
        guard let files = fm.enumerator(at: old, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        let base = old.standardizedFileURL.path
        for case let url as URL in files {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            var relative = String(url.standardizedFileURL.path.dropFirst(base.count))
            while relative.hasPrefix("/") { relative.removeFirst() }
            if relative == "report.yaml" || relative == "source.txt" || relative.hasSuffix(".md") { continue }
            let destination = new.appendingPathComponent(relative)
            if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
            try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: url, to: destination)
        }
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
