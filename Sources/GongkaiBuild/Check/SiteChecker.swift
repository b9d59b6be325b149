import Foundation
import GongkaiCore
import Markdown

/// Stage 4: checks the assembled site — internal links and anchors, images without alt text, skipped heading
/// levels, duplicate page titles, missing metadata — and reports each finding at its source line.
public struct SiteChecker: Sendable {
    /// Also report what publishing needs (missing or TODO metadata, footer fields); `gongkai check` does.
    public let publishing: Bool

    /// Creates a checker.
    public init(publishing: Bool = false) { self.publishing = publishing }

    /// All findings for `model`.
    public func check(_ model: SiteModel) -> [Diagnostic] {
        let anchors = anchorIndex(model)
        // Reports are checked in parallel; their findings are joined in report order.
        var out = ParallelMap.map(model.reports) { report -> [Diagnostic] in
            var out: [Diagnostic] = []
            if publishing { out += metadataFindings(report) }
            if let opening = report.opening, let source = report.openingSource {
                out += linkFindings(opening, source: source, pageURL: report.urlPath, anchors: anchors)
            }
            for topic in report.topics {
                out += linkFindings(topic.body, source: topic.source.body, pageURL: topic.urlPath, anchors: anchors)
                out += headingFindings(topic)
            }
            return out
        }.flatMap { $0 }
        out += duplicateTitles(model)
        out += SeriesChecker(publishing: publishing).check(model)
        if publishing { out += configFindings(model.config) }
        return out
    }

    /// Findings for one topic of `model` (its links and headings), looking up only the pages its links reach:
    /// what an incremental rebuild checks after that topic's body changed and its anchors did not.
    func check(topic: TopicModel, in model: SiteModel) -> [Diagnostic] {
        var anchors: [String: AnchorIDs] = [:]
        for link in topic.body.links {
            guard let (target, _) = Self.resolve(link.destination, from: topic.urlPath) else { continue }
            for candidate in [target, target + "/"] where anchors[candidate] == nil {
                if let ids = Self.anchors(of: candidate, in: model) { anchors[candidate] = ids }
            }
        }
        return linkFindings(topic.body, source: topic.source.body, pageURL: topic.urlPath, anchors: anchors) + headingFindings(topic)
    }

    /// Whether the links of the bodies of `report` (rendered) already show an error, before the whole site is: the
    /// anchors of pages for which `unsettled` holds are not known yet, and links to them are taken as they are (the
    /// whole check decides). What a streaming build looks at to stop making pages early.
    func linksHaveErrors(_ report: ReportModel, in model: SiteModel, unsettled: (String) -> Bool) -> Bool {
        var bodies: [(RenderedMarkdown, MarkdownSource, String)] = report.topics.map { ($0.body, $0.source.body, $0.urlPath) }
        if let opening = report.opening, let source = report.openingSource { bodies.append((opening, source, report.urlPath)) }
        for (body, source, pageURL) in bodies where !body.links.isEmpty {
            var anchors: [String: AnchorIDs] = [:]
            var open = Set<String>()
            for link in body.links {
                guard let (target, _) = Self.resolve(link.destination, from: pageURL) else { continue }
                for candidate in [target, target + "/"] where anchors[candidate] == nil {
                    guard let ids = Self.anchors(of: candidate, in: model) else { continue }
                    anchors[candidate] = ids
                    if unsettled(candidate) { open.insert(candidate) }
                }
            }
            if linkFindings(body, source: source, pageURL: pageURL, anchors: anchors, unsettled: open).hasErrors { return true }
        }
        return false
    }

    /// The anchor ids of the page or file at `urlPath`, nil when the site has none there (as `anchorIndex`).
    private static func anchors(of urlPath: String, in model: SiteModel) -> AnchorIDs? {
        for report in model.reports where urlPath.hasPrefix(report.urlPath) {
            if urlPath == report.urlPath { return AnchorIDs(report.opening?.headings.map(\.id) ?? []) }
            if urlPath == report.fullURLPath { return report.fullBody.anchorIDs }
            let id = String(urlPath.dropFirst(report.urlPath.count).dropLast(urlPath.hasSuffix("/") ? 1 : 0))
            if urlPath.hasSuffix("/"), let topic = report.topic(id) { return topic.anchorIDs }
        }
        if model.pages.contains(where: { $0.urlPath == urlPath }) || model.staticFiles.contains(where: { $0.outputPath == urlPath }) { return AnchorIDs.none }
        return nil
    }

    /// URL path → set of anchor ids on that page.
    private func anchorIndex(_ model: SiteModel) -> [String: AnchorIDs] {
        var index: [String: AnchorIDs] = [:]
        for page in model.pages { index[page.urlPath] = AnchorIDs.none }
        // Each report's lists are made in parallel, then put in in report order.
        let perReport = ParallelMap.map(model.reports) { report -> [(String, AnchorIDs)] in
            report.topics.map { ($0.urlPath, $0.anchorIDs) }
                + [(report.fullURLPath, report.fullBody.anchorIDs), (report.urlPath, AnchorIDs(report.opening?.headings.map(\.id) ?? []))]
        }
        for (path, ids) in perReport.joined() { index[path] = ids }
        for file in model.staticFiles { index[file.outputPath] = AnchorIDs.none }
        return index
    }

    private func location(_ source: MarkdownSource, line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: source.path, line: line + source.firstLine - 1, column: column)
    }

    /// `unsettled`: pages whose anchors are not known yet (a fragment pointing there is not checked).
    private func linkFindings(_ body: RenderedMarkdown, source: MarkdownSource, pageURL: String, anchors: [String: AnchorIDs],
                              unsettled: Set<String> = []) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for link in body.links {
            let loc = location(source, line: link.line, column: link.column)
            if link.isImage && link.text.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(.warning("image `\(link.destination)` has no alt text: write ![what it shows](\(link.destination))", at: loc))
            }
            let dest = link.destination
            if dest.isEmpty || dest.contains("://") || dest.hasPrefix("mailto:") || dest.hasPrefix("tel:") || dest.hasPrefix("//") { continue }
            guard let (target, fragment) = Self.resolve(dest, from: pageURL) else {
                out.append(.error("link `\(dest)` leaves the site", at: loc))
                continue
            }
            guard let ids = anchors[target] ?? anchors[target + "/"].map({ $0 }) else {
                out.append(.error("broken link `\(dest)`: no page at /\(target)", at: loc))
                continue
            }
            if unsettled.contains(anchors[target] != nil ? target : target + "/") { continue }
            if let fragment, !fragment.isEmpty, !ids.contains(fragment.removingPercentEncoding ?? fragment) {
                out.append(.error("broken anchor `#\(fragment)` in link `\(dest)`: /\(target) has no such heading"
                                  + Self.spellingHint(fragment.removingPercentEncoding ?? fragment, ids: ids), at: loc))
            }
        }
        return out
    }

    /// When `fragment` names one of `ids` only through Unicode equivalence (an accent composed or not, a CJK
    /// compatibility ideograph for its unified one), which browsers do not follow: a note saying so.
    static func spellingHint(_ fragment: String, ids: AnchorIDs) -> String {
        let variants = [fragment.precomposedStringWithCanonicalMapping, fragment.decomposedStringWithCanonicalMapping]
        guard variants.contains(where: { !$0.utf8.elementsEqual(fragment.utf8) && ids.contains($0) }) else { return "" }
        return " (a heading there has the same text in other Unicode code points, which browsers treat as another id: write the link with the heading's characters)"
    }

    /// Resolves a relative or site-absolute link against a page's URL path; nil when it climbs above the root.
    static func resolve(_ destination: String, from pageURL: String) -> (path: String, fragment: String?)? {
        var pathPart = destination
        var fragment: String?
        if let hash = destination.firstIndex(of: "#") {
            pathPart = String(destination[..<hash])
            fragment = String(destination[destination.index(after: hash)...])
        }
        if let q = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<q]) }
        if pathPart.isEmpty { return (pageURL, fragment) }
        var segments: [String] = pathPart.hasPrefix("/") ? [] : pageURL.split(separator: "/").map(String.init)
        let trailing = pathPart.hasSuffix("/")
        for part in pathPart.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if segments.isEmpty { return nil }
                segments.removeLast()
            default: segments.append(String(part).removingPercentEncoding ?? String(part))
            }
        }
        var path = segments.joined(separator: "/")
        if path.hasSuffix("index.html") { path = String(path.dropLast("index.html".count)) }
        else if trailing && !path.isEmpty { path += "/" }
        return (path, fragment)
    }

    private func headingFindings(_ topic: TopicModel) -> [Diagnostic] {
        topic.levelSkips.map { skip in
            let heading = skip.heading
            return .warning(BuildText.headingLevelSkipped(["heading": heading.text, "level": heading.level, "previous": skip.previous]),
                            at: SourceLocation(path: topic.source.body.path, line: heading.line + topic.source.body.firstLine - 1, column: 1))
        }
    }

    private func duplicateTitles(_ model: SiteModel) -> [Diagnostic] {
        var seen: [String: PageModel] = [:]
        var out: [Diagnostic] = []
        for page in model.pages where page.kind == .topic {
            let key = "\(page.reportID ?? "")|\(page.title)"
            if let first = seen[key] {
                out.append(.warning(BuildText.duplicatePageTitle(["title": page.title, "other": first.source.path]), at: page.source))
            } else { seen[key] = page }
        }
        return out
    }

    private func metadataFindings(_ report: ReportModel) -> [Diagnostic] {
        let m = report.metadata
        let fields: [(String, String)] = [("publisher", m.publisher), ("written", m.written), ("published", m.published),
                                           ("index_number", m.indexNumber), ("category", m.category)]
        return fields.filter { $0.1.isUnsetValue }.map {
            .warning(($0.1.isEmpty ? BuildText.reportMetadataMissing : BuildText.reportMetadataTODO)(["field": $0.0]), at: m.fieldLocations[$0.0] ?? m.location)
        }
    }

    private func configFindings(_ config: SiteConfig) -> [Diagnostic] {
        let fields: [(String, String)] = [("organisation", config.organisation), ("undertaker", config.undertaker),
                                           ("footer.contact.phone", config.footer.phone), ("footer.contact.address", config.footer.address),
                                           ("footer.contact.email", config.footer.email), ("footer.site_code", config.footer.siteCode),
                                           ("footer.icp", config.footer.icp), ("footer.police", config.footer.police),
                                           ("footer.party_gov_url", config.footer.partyGovURL),
                                           ("footer.error_report_url", config.footer.errorReportURL)]
        return fields.filter { $0.1.isUnsetValue }.map {
            .warning(($0.1.isEmpty ? BuildText.siteConfigMissing : BuildText.siteConfigTODO)(["field": $0.0]), at: config.fieldLocations[$0.0] ?? config.fieldLocations[$0.0 + ".text"] ?? config.location)
        }
    }
}
