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

    /// All findings for `model`, whose rendered bodies left `facts` (one per report, in `model.reports` order).
    public func check(_ model: SiteModel, facts: [ReportFacts]) -> [Diagnostic] {
        let known = facts.map(Optional.some)
        let anchors = anchorIndex(model, facts: known)
        // Reports are checked in parallel; their findings are joined in report order.
        var out = ParallelMap.map(Array(model.reports.indices)) { r -> [Diagnostic] in
            let report = model.reports[r]
            var out: [Diagnostic] = []
            if publishing { out += metadataFindings(report) }
            if let opening = facts[r].opening, let source = report.openingSource {
                out += linkFindings(opening.links, source: source, pageURL: report.urlPath, anchors: anchors, links: model.contentLinks)
            }
            for (t, topic) in report.topics.enumerated() {
                out += linkFindings(facts[r].topics[t].links, source: topic.source.body, pageURL: topic.urlPath, anchors: anchors, links: model.contentLinks)
                out += headingFindings(topic, facts[r].topics[t])
            }
            return out
        }.flatMap { $0 }
        out += duplicateTitles(model)
        out += SeriesChecker(publishing: publishing).check(model)
        if publishing { out += configFindings(model.config) }
        if publishing { out += PlaceholderChecker().check(model) }
        return out
    }

    /// Findings for topic `t` of report `r` (its links and headings), looking up only the pages its links reach:
    /// what an incremental rebuild checks after that topic's body changed and its anchors did not.
    func check(topic t: Int, of r: Int, in model: SiteModel, facts: [ReportFacts]) -> [Diagnostic] {
        let topic = model.reports[r].topics[t], own = facts[r].topics[t]
        let known = facts.map(Optional.some)
        var anchors: [String: AnchorIDs] = [:]
        for link in own.links {
            for target in Self.lookUps(link.destination, from: topic.source.body.path, page: topic.urlPath, links: model.contentLinks) {
                for candidate in [target, target + "/"] where anchors[candidate] == nil {
                    if let ids = Self.anchors(of: candidate, in: model, facts: known) { anchors[candidate] = ids }
                }
            }
        }
        return linkFindings(own.links, source: topic.source.body, pageURL: topic.urlPath, anchors: anchors, links: model.contentLinks)
            + headingFindings(topic, own)
    }

    /// Whether the links of report `r`'s bodies already show an error, before the whole site is rendered: `facts`
    /// holds what is known so far (nil for a report not rendered yet: links to its pages are taken as they are, the
    /// whole check decides). What the pipeline looks at to stop making pages early.
    func linksHaveErrors(_ r: Int, in model: SiteModel, facts: [ReportFacts?]) -> Bool {
        let report = model.reports[r]
        guard let own = facts[r] else { return false }
        var bodies: [([RenderedMarkdown.Link], MarkdownSource, String)] = report.topics.enumerated().map { t, topic in
            (own.topics[t].links, topic.source.body, topic.urlPath)
        }
        if let opening = own.opening, let source = report.openingSource { bodies.append((opening.links, source, report.urlPath)) }
        for (links, source, pageURL) in bodies where !links.isEmpty {
            var anchors: [String: AnchorIDs] = [:]
            var open = Set<String>()
            for link in links {
                for target in Self.lookUps(link.destination, from: source.path, page: pageURL, links: model.contentLinks) {
                    for candidate in [target, target + "/"] where anchors[candidate] == nil {
                        guard let ids = Self.anchors(of: candidate, in: model, facts: facts) else { continue }
                        anchors[candidate] = ids
                        if Self.unsettled(candidate, in: model, facts: facts) { open.insert(candidate) }
                    }
                }
            }
            if linkFindings(links, source: source, pageURL: pageURL, anchors: anchors, links: model.contentLinks, unsettled: open).hasErrors { return true }
        }
        return false
    }

    /// Whether the page at `urlPath` belongs to a report whose bodies are not rendered yet.
    private static func unsettled(_ urlPath: String, in model: SiteModel, facts: [ReportFacts?]) -> Bool {
        guard let slash = urlPath.firstIndex(of: "/"), let i = model.reportIndex[String(urlPath[..<slash])] else { return false }
        return facts[i] == nil
    }

    /// The anchor ids of the page or file at `urlPath`, nil when the site has none there (as `anchorIndex`); a page
    /// of a report not rendered yet has none known.
    private static func anchors(of urlPath: String, in model: SiteModel, facts: [ReportFacts?]) -> AnchorIDs? {
        for (r, report) in model.reports.enumerated() where urlPath.hasPrefix(report.urlPath) {
            let known = facts[r]
            if urlPath == report.urlPath { return known?.opening?.anchors ?? AnchorIDs.none }
            if urlPath == report.fullURLPath { return known?.fullAnchors ?? AnchorIDs.none }
            let id = String(urlPath.dropFirst(report.urlPath.count).dropLast(urlPath.hasSuffix("/") ? 1 : 0))
            if urlPath.hasSuffix("/"), let t = report.position(of: id) { return known?.topics[t].anchors ?? AnchorIDs.none }
        }
        if model.pages.contains(where: { $0.urlPath == urlPath }) || model.staticFiles.contains(where: { $0.outputPath == urlPath }) { return AnchorIDs.none }
        return nil
    }

    /// URL path → set of anchor ids on that page.
    private func anchorIndex(_ model: SiteModel, facts: [ReportFacts?]) -> [String: AnchorIDs] {
        var index: [String: AnchorIDs] = [:]
        for page in model.pages { index[page.urlPath] = AnchorIDs.none }
        // Each report's lists are made in parallel, then put in in report order.
        let perReport = ParallelMap.map(Array(model.reports.indices)) { r -> [(String, AnchorIDs)] in
            let report = model.reports[r]
            guard let known = facts[r] else { return [] }
            return report.topics.enumerated().map { t, topic in (topic.urlPath, known.topics[t].anchors) }
                + [(report.fullURLPath, known.fullAnchors), (report.urlPath, known.opening?.anchors ?? AnchorIDs.none)]
        }
        for (path, ids) in perReport.joined() { index[path] = ids }
        for file in model.staticFiles { index[file.outputPath] = AnchorIDs.none }
        return index
    }

    private func location(_ source: MarkdownSource, line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: source.path, line: line + source.firstLine - 1, column: column)
    }

    /// The site paths whose anchors the findings for a link `destination` in `source` (shown at `page`) look up: where
    /// it reaches, and where it reached relative to the page's URL when that differs.
    private static func lookUps(_ destination: String, from source: String, page: String, links: ContentLinks) -> [String] {
        var out: [String] = []
        if let target = links.target(of: destination, from: source, page: page) { out.append(target.path) }
        if ContentLinks.isRelative(destination), let old = resolve(destination, from: page), !out.contains(old.path) { out.append(old.path) }
        return out
    }

    /// `unsettled`: pages whose anchors are not known yet (a fragment pointing there is not checked).
    private func linkFindings(_ bodyLinks: [RenderedMarkdown.Link], source: MarkdownSource, pageURL: String, anchors: [String: AnchorIDs],
                              links: ContentLinks, unsettled: Set<String> = []) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func known(_ target: String) -> (key: String, ids: AnchorIDs)? {
            if let ids = anchors[target] { return (target, ids) }
            if let ids = anchors[target + "/"] { return (target + "/", ids) }
            return nil
        }
        for link in bodyLinks {
            let loc = location(source, line: link.line, column: link.column)
            let dest = link.destination
            if link.isImage && link.text.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(.warning(LinkText.imageWithoutAlt(["link": dest]), at: loc))
            }
            if dest.isEmpty || dest.contains("://") || dest.hasPrefix("mailto:") || dest.hasPrefix("tel:") || dest.hasPrefix("//") { continue }
            let target: String, fragment: String?
            switch links.reach(dest, from: source.path, page: pageURL) {
            case .outside:
                out.append(.error(LinkText.leavesSite(["link": dest]), at: loc))
                continue
            case .other:
                guard let resolved = Self.resolve(dest, from: pageURL) else {
                    out.append(.error(LinkText.leavesSite(["link": dest]), at: loc))
                    continue
                }
                (target, fragment) = resolved
            case .file(let reached, let reachedFragment):
                (target, fragment) = (reached, reachedFragment)
                // What the link reached before links were relative to their file: if that was something else the
                // site has, it changes meaning, which is said.
                if let old = Self.resolve(dest, from: pageURL), old.path != target, let before = known(old.path),
                   let now = links.source(of: target) {
                    let beforeSource = links.source(of: before.key)
                    let spelling = beforeSource.map { ContentLinks.spelling(of: $0, from: source.path) } ?? "/\(before.key)"
                    out.append(.warning(LinkText.nowReachesOther(["link": dest, "now": now, "before": beforeSource ?? "/\(before.key)",
                                                                  "spelling": spelling]), at: loc))
                }
            case .page(let reached, let reachedFragment, let lookedFor):
                (target, fragment) = (reached, reachedFragment)
                guard let found = known(target) else {
                    let (path, _) = ContentLinks.split(dest)
                    if let lookedFor, !path.hasSuffix("/"), !path.isEmpty {
                        if let suggestion = links.suggestion(for: lookedFor, from: source.path) {
                            out.append(.error(LinkText.brokenFileDidYouMean(["link": dest, "lookedFor": lookedFor, "suggestion": suggestion]), at: loc))
                        } else {
                            out.append(.error(LinkText.brokenFile(["link": dest, "lookedFor": lookedFor]), at: loc))
                        }
                    } else {
                        out.append(.error(LinkText.brokenPage(["link": dest, "target": target]), at: loc))
                    }
                    continue
                }
                // A file reached only relative to the page's URL (how links were read before): it still works.
                if links.isCopiedFile(found.key), let file = links.source(of: found.key) {
                    out.append(.warning(LinkText.pageRelativeFile(["link": dest, "source": file,
                                                                   "spelling": ContentLinks.spelling(of: file, from: source.path)]), at: loc))
                }
            }
            guard let (key, ids) = known(target) else {
                out.append(.error(LinkText.brokenPage(["link": dest, "target": target]), at: loc))
                continue
            }
            if unsettled.contains(key) { continue }
            if let fragment, !fragment.isEmpty, !ids.contains(fragment.removingPercentEncoding ?? fragment) {
                let id = fragment.removingPercentEncoding ?? fragment
                let text = Self.spellingHint(id, ids: ids) ? LinkText.brokenAnchorUnicode : LinkText.brokenAnchor
                out.append(.error(text(["fragment": fragment, "link": dest, "target": target]), at: loc))
            }
        }
        return out
    }

    /// Whether `fragment` names one of `ids` only through Unicode equivalence (an accent composed or not, a CJK
    /// compatibility ideograph for its unified one), which browsers do not follow.
    static func spellingHint(_ fragment: String, ids: AnchorIDs) -> Bool {
        let variants = [fragment.precomposedStringWithCanonicalMapping, fragment.decomposedStringWithCanonicalMapping]
        return variants.contains(where: { !$0.utf8.elementsEqual(fragment.utf8) && ids.contains($0) })
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

    private func headingFindings(_ topic: TopicModel, _ facts: ReportFacts.Body) -> [Diagnostic] {
        facts.levelSkips.map { skip in
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
