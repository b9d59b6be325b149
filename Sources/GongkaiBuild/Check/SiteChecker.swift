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
        let directory = AnchorDirectory(model)
        // Reports are checked in parallel; their findings are joined in report order.
        let perReport = ParallelMap.map(Array(model.reports.indices)) { r in reportFindings(r, in: model, facts: known, directory: directory).all }
        return perReport.flatMap { $0 } + siteFindings(model)
    }

    /// The findings of no single report's bodies: duplicate titles, series, and with publishing checks the site's
    /// configuration and placeholders.
    func siteFindings(_ model: SiteModel) -> [Diagnostic] {
        var out = duplicateTitles(model)
        out += SeriesChecker(publishing: publishing).check(model)
        if publishing { out += configFindings(model.config) }
        if publishing { out += PlaceholderChecker().check(model) }
        return out
    }

    /// Report `r`'s findings with the facts known so far (`facts`: nil for a report not rendered yet). A link to a
    /// page of such a report is taken as it is, its body named in `unsettled`.
    func reportFindings(_ r: Int, in model: SiteModel, facts: [ReportFacts?], directory: AnchorDirectory) -> ReportFindings {
        let report = model.reports[r]
        guard let own = facts[r] else { return ReportFindings(metadata: [], bodies: [], unsettled: []) }
        var bodies: [[Diagnostic]] = []
        var unsettled: [Int] = []
        func add(_ links: [RenderedMarkdown.Link], source: MarkdownSource, page: String, headings: [Diagnostic]) {
            var open = false
            let found = linkFindings(links, source: source, pageURL: page, links: model.contentLinks,
                                     anchors: { directory.anchors(of: $0, facts: facts) },
                                     unsettled: { url in
                                         let waiting = directory.isUnsettled(url, facts: facts)
                                         open = open || waiting
                                         return waiting
                                     })
            if open { unsettled.append(bodies.count) }
            bodies.append(found + headings)
        }
        if let opening = own.opening, let source = report.openingSource {
            add(opening.links, source: source, page: report.urlPath, headings: [])
        }
        for (t, topic) in report.topics.enumerated() {
            add(own.topics[t].links, source: topic.source.body, page: topic.urlPath, headings: headingFindings(topic, own.topics[t]))
        }
        return ReportFindings(metadata: publishing ? metadataFindings(report) : [], bodies: bodies, unsettled: unsettled)
    }

    /// `findings` (made in report `r`'s window) with its unsettled bodies checked again now that `facts` are all known.
    func settle(_ findings: ReportFindings, report r: Int, in model: SiteModel, facts: [ReportFacts?], directory: AnchorDirectory) -> [Diagnostic] {
        guard !findings.unsettled.isEmpty else { return findings.all }
        let again = reportFindings(r, in: model, facts: facts, directory: directory)
        var bodies = findings.bodies
        for i in findings.unsettled { bodies[i] = again.bodies[i] }
        return findings.metadata + bodies.flatMap { $0 }
    }

    /// Findings for topic `t` of report `r` (its links and headings): what an incremental rebuild checks after that
    /// topic's body changed and its anchors did not.
    func check(topic t: Int, of r: Int, in model: SiteModel, facts: [ReportFacts]) -> [Diagnostic] {
        let topic = model.reports[r].topics[t], own = facts[r].topics[t]
        let known = facts.map(Optional.some)
        let directory = AnchorDirectory(model)
        return linkFindings(own.links, source: topic.source.body, pageURL: topic.urlPath, links: model.contentLinks,
                            anchors: { directory.anchors(of: $0, facts: known) }, unsettled: { _ in false })
            + headingFindings(topic, own)
    }

    private func location(_ source: MarkdownSource, line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: source.path, line: line + source.firstLine - 1, column: column)
    }

    /// `anchors`: the anchor ids at a URL path (nil: nothing there); `unsettled`: whether a page's anchors are not
    /// known yet (a fragment pointing there is not checked).
    private func linkFindings(_ bodyLinks: [RenderedMarkdown.Link], source: MarkdownSource, pageURL: String, links: ContentLinks,
                              anchors: (String) -> AnchorIDs?, unsettled: (String) -> Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func known(_ target: String) -> (key: String, ids: AnchorIDs)? {
            if let ids = anchors(target) { return (target, ids) }
            if let ids = anchors(target + "/") { return (target + "/", ids) }
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
            if unsettled(key) { continue }
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
        // `#` and `?` found as bytes, as a URL parser finds them (not as whole characters: slower, and blind to a
        // `#` that a combining mark follows).
        let utf8 = destination.utf8
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            pathPart = String(Substring(utf8[..<hash]))
            fragment = String(Substring(utf8[utf8.index(after: hash)...]))
        }
        if let q = pathPart.utf8.firstIndex(of: UInt8(ascii: "?")) { pathPart = String(Substring(pathPart.utf8[..<q])) }
        if pathPart.isEmpty { return (pageURL, fragment) }
        var segments: [String] = pathPart.hasPrefix("/") ? [] : pageURL.split(separator: "/").map(String.init)
        let trailing = pathPart.hasSuffix("/")
        for part in pathPart.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if segments.isEmpty { return nil }
                segments.removeLast()
            default:
                // Foundation's percent decoding is slow: most segments have nothing to decode.
                let segment = String(part)
                segments.append(segment.utf8.contains(UInt8(ascii: "%")) ? segment.removingPercentEncoding ?? segment : segment)
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
