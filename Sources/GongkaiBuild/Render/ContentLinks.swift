import Foundation
import GongkaiCore

/// How a link written in a Markdown file of `content/` reaches what the site publishes: relative to that file's
/// folder, as an editor's preview (VS Code, Typora) shows it. A link that names a `.md` file becomes that page's URL
/// (with its anchor), one that names another file the build copies becomes that file's URL. A link that names
/// nothing there is read as before, relative to the page's URL (so `../03/`, `../full/#…` and an old `../tu1.png`
/// keep working; `SiteChecker` says how to write the last kind now). A file in the page's own folder (`01/image1.png`
/// for `01.md`, where `gongkai import` puts a page's images) is found as well. Like Hugo's link and image render
/// hooks, which look a destination up among the pages and the page's resources and pass it through otherwise.
///
/// Made once per site from its structure (`SiteAssembler.plan`), before any body is rendered.
public struct ContentLinks: Sendable {
    /// How a link in a Markdown file reaches the site.
    enum Reach: Equatable {
        /// Not a link into the site's files: empty, a bare `#anchor`, an address with a scheme, site-absolute.
        case other
        /// Reached relative to the Markdown file: the site URL path of the page or file, and the fragment.
        case file(target: String, fragment: String?)
        /// Named nothing relative to the Markdown file; relative to the page's URL it is `target` (which may not
        /// exist). `lookedFor` is the path (below the site folder) it was looked for at, nil when that climbed above it.
        case page(target: String, fragment: String?, lookedFor: String?)
        /// Climbs above the site root both ways.
        case outside(lookedFor: String?)
    }

    /// Content path (`content/r/02.md`, `content/r/tu1.png`) → site URL path (`r/02/`, `r/tu1.png`).
    private var targets: [String: String] = [:]
    /// Site URL path of a copied content file → its content path (to spell an old-style link the new way).
    private var copiedFrom: [String: String] = [:]
    /// Site URL path of a page made from a Markdown file → that file's content path.
    private var pageSources: [String: String] = [:]
    /// Content paths of a report folder by file name (`r/tu1.png` → `content/r/02/tu1.png`, …), for "did you mean".
    private var byName: [String: [String]] = [:]

    /// No files: every relative link is read relative to the page's URL.
    public init() {}

    /// The pages and copied files of `reports`, each report's copied files given by id (`StaticFile.outputPath` is
    /// the file's path below `content/`).
    init(reports: [ReportModel], assets: [String: [StaticFile]]) {
        for report in reports {
            let id = report.metadata.id
            if let opening = report.openingSource { addPage(opening.path, report.urlPath, report: id) }
            for topic in report.topics { addPage(topic.source.body.path, topic.urlPath, report: id) }
            for file in assets[id] ?? [] {
                let source = "content/" + file.outputPath
                targets[source] = file.outputPath
                copiedFrom[file.outputPath] = source
                addName(source, report: id)
            }
        }
    }

    private mutating func addPage(_ source: String, _ url: String, report: String) {
        targets[source] = url
        pageSources[url] = source
        addName(source, report: report)
    }

    private mutating func addName(_ source: String, report: String) {
        guard let name = source.split(separator: "/").last else { return }
        byName["\(report)/\(name)", default: []].append(source)
    }

    /// Whether `destination` is a link into the site's files at all (not an address with a scheme, not
    /// site-absolute, not only an anchor).
    static func isRelative(_ destination: String) -> Bool {
        guard let first = destination.utf8.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "#"), first != UInt8(ascii: "?") else { return false }
        if destination.contains("://") || destination.hasPrefix("mailto:") || destination.hasPrefix("tel:") || destination.hasPrefix("data:")
            || destination.hasPrefix("javascript:") { return false }
        return true
    }

    /// `destination` split before its query or fragment: the path, and `?…#…` as written (may be empty).
    static func split(_ destination: String) -> (path: Substring, rest: Substring) {
        let cut = destination.firstIndex { $0 == "#" || $0 == "?" } ?? destination.endIndex
        return (destination[..<cut], destination[cut...])
    }

    /// The path below the site folder that the path part of `destination` names relative to the folder of the
    /// file `source` (`content/r/02.md`), percent-decoded; nil when it climbs above the site folder.
    static func lookedFor(_ path: Substring, from source: String) -> String? {
        var segments = source.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if segments.isEmpty { return nil }
                segments.removeLast()
            default: segments.append(String(part).removingPercentEncoding ?? String(part))
            }
        }
        return segments.joined(separator: "/")
    }

    /// How `destination`, written in the Markdown file `source`, whose body is shown on the page at `page`, reaches
    /// the site.
    func reach(_ destination: String, from source: String, page: String) -> Reach {
        guard Self.isRelative(destination) else { return .other }
        let (path, _) = Self.split(destination)
        let looked = Self.lookedFor(path, from: source)
        let fragment = destination.firstIndex(of: "#").map { String(destination[destination.index(after: $0)...]) }
        if !path.hasSuffix("/") {
            if let looked, let target = targets[looked] { return .file(target: target, fragment: fragment) }
            // Then in the page's own folder, `01/` for `01.md`, where `gongkai import` puts a page's images (as
            // Hugo looks among a page's resources): `image1.png` there is not an old-style link.
            // Only inside that folder: `../tu1.png` from `02.md` is an old-style link to `tu1.png` beside it.
            let folder = String(source.dropLast(3))
            if source.hasSuffix(".md"), !source.hasSuffix("/_index.md"), let own = Self.lookedFor(path, from: folder + "/_"),
               own.hasPrefix(folder + "/"), let target = targets[own] {
                return .file(target: target, fragment: fragment)
            }
        }
        guard let old = SiteChecker.resolve(destination, from: page) else { return .outside(lookedFor: looked) }
        return .page(target: old.path, fragment: old.fragment, lookedFor: looked)
    }

    /// The site URL path `destination` reaches from `source` shown at `page`, and its fragment: what the link checks
    /// look up. Nil when it climbs above the site root.
    func target(of destination: String, from source: String, page: String) -> (path: String, fragment: String?)? {
        switch reach(destination, from: source, page: page) {
        case .file(let target, let fragment): return (target, fragment)
        case .page(let target, let fragment, _): return (target, fragment)
        case .other: return SiteChecker.resolve(destination, from: page)
        case .outside: return nil
        }
    }

    /// The content path of the file copied to `target`, or of the Markdown file its page is made from.
    func source(of target: String) -> String? {
        copiedFrom[target] ?? pageSources[target]
    }

    /// Whether `target` is a copied content file (not a page).
    func isCopiedFile(_ target: String) -> Bool { copiedFrom[target] != nil }

    /// The closest file of the same name as `lookedFor` in the report folder of `source`, spelt relative to the
    /// folder of `source`; nil when there is none.
    func suggestion(for lookedFor: String, from source: String) -> String? {
        let parts = source.split(separator: "/")
        guard parts.count > 2, parts[0] == "content", let name = lookedFor.split(separator: "/").last else { return nil }
        let candidates = (byName["\(parts[1])/\(name)"] ?? []).filter { $0 != lookedFor }.map { Self.spelling(of: $0, from: source) }
        return candidates.min { ($0.utf8.count, $0) < ($1.utf8.count, $1) }
    }

    /// `path` (below the site folder) written relative to the folder of the file `source`.
    static func spelling(of path: String, from source: String) -> String {
        let folder = source.split(separator: "/").dropLast()
        let target = path.split(separator: "/")
        var common = 0
        while common < folder.count, common < target.count - 1, folder[folder.startIndex + common] == target[common] { common += 1 }
        let up = String(repeating: "../", count: folder.count - common)
        return up + target[common...].joined(separator: "/")
    }

    /// `html` (the body rendered from the Markdown file `source`, for the page at `page`) with every `href="…"` and
    /// `src="…"` that reaches a page or file relative to the Markdown file rewritten to reach it from the page, as
    /// the site writes links (`../../r/tu1.png`; `index.html` after a folder with `fileSystemLinks`). A link that
    /// reaches the same place the old way is left as written, so existing sites build to the same bytes.
    func rewrite(_ html: String, from source: String, page: String, fileSystemLinks: Bool) -> String {
        guard !targets.isEmpty else { return html }
        let root = String(repeating: "../", count: page.split(separator: "/").count)
        return HTMLLinkRebaser.rewriteAttributes(html) { value in
            let plain = value.contains("&") ? HTMLText.plain(value) : value
            guard case .file(let target, _) = reach(plain, from: source, page: page) else { return nil }
            if let old = SiteChecker.resolve(plain, from: page), old.path == target { return nil }
            var path = URLPathEncoding.encode(target)
            if fileSystemLinks && (path.isEmpty || path.hasSuffix("/")) { path += "index.html" }
            let joined = root + path
            return (joined.isEmpty ? "./" : joined) + Self.split(value).rest
        }
    }
}
