import Foundation
import GongkaiCore

/// Checks the rendered HTML itself: every internal `href`/`src`/`action` reaches a generated file, every `#anchor` an `id` on
/// that page, and every page is reachable by links from the home page. Catches mistakes in templates as well as
/// in content. Used by `gongkai check`.
public struct OutputLinkChecker: Sendable {
    /// The base path the site is published under (links starting with it are internal).
    public let basePath: String

    /// Creates a checker.
    public init(basePath: String) { self.basePath = basePath }

    /// Findings for `files`; locations name the output file (there is no source line for template output), except
    /// that a target broken on several pages is one error, at the line of `theme`'s template that names it when one
    /// does (a missing asset in the footer is one mistake, not one per page).
    public func check(_ files: [OutputFile], theme: Theme? = nil) -> [Diagnostic] {
        check(pages: files.map(Page.init), theme: theme)
    }

    /// What the check reads of one output file: its path, URL and kind and, for an HTML page, its ids and the
    /// addresses it links to (all that `gongkai check` keeps of a page: `OutputLinkCollector`).
    public struct Page: Sendable {
        /// Path below the output folder.
        public var path: String
        /// URL path.
        public var urlPath: String
        /// Kind.
        public var kind: PageKind
        /// The page's `id` values (empty for other files).
        public var ids: Set<String>
        /// Its `href`, `src` and `action` values, in that order (empty for other files).
        public var links: [String]

        /// What the check reads of `file`.
        public init(_ file: OutputFile) {
            path = file.path
            urlPath = file.urlPath
            kind = file.kind
            if file.path.hasSuffix(".html") {
                let text = String(decoding: file.bytes, as: UTF8.self)
                ids = Set(OutputLinkChecker.attributeValues("id", in: text))
                links = OutputLinkChecker.attributeValues("href", in: text) + OutputLinkChecker.attributeValues("src", in: text)
                    + OutputLinkChecker.attributeValues("action", in: text)
            } else {
                ids = []
                links = []
            }
        }
    }

    /// Findings for the output files `pages` describe (in path order), as `check(_:theme:)`.
    public func check(pages files: [Page], theme: Theme? = nil) -> [Diagnostic] {
        var byURL: [String: Page] = [:]
        for file in files { byURL[file.path] = file; byURL[file.urlPath] = file }
        let htmlFiles = files.filter { $0.path.hasSuffix(".html") }
        var ids: [String: Set<String>] = [:]
        var links: [String: [String]] = [:]
        for file in htmlFiles {
            ids[file.path] = file.ids
            links[file.path] = file.links
        }
        var out: [Diagnostic] = []
        var broken: [(target: String, link: String, page: String)] = []
        var edges: [String: Set<String>] = [:]
        for file in htmlFiles {
            let page = file.kind == .notFound ? "" : file.urlPath
            for raw in links[file.path] ?? [] {
                let link = HTMLText.plain(raw)
                if link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") || link.hasPrefix("//") || link.hasPrefix("data:") || link.isEmpty { continue }
                var target = link
                if target.hasPrefix("/") {
                    guard target.hasPrefix(basePath) else {
                        out.append(.error(LinkText.outsideBasePath(["link": link, "basePath": basePath]), at: SourceLocation(path: "public/\(file.path)", line: 1, column: 1)))
                        continue
                    }
                    target = String(target.dropFirst(basePath.count))
                    target = target.isEmpty ? "./" : target
                    guard let resolved = SiteChecker.resolve(target, from: "") else { continue }
                    record(resolved, from: file, byURL: byURL, ids: ids, edges: &edges, out: &out, broken: &broken, link: link)
                } else if let resolved = SiteChecker.resolve(target, from: page) {
                    record(resolved, from: file, byURL: byURL, ids: ids, edges: &edges, out: &out, broken: &broken, link: link)
                } else {
                    out.append(.error(LinkText.climbsAboveRoot(["link": link]), at: SourceLocation(path: "public/\(file.path)", line: 1, column: 1)))
                }
            }
        }
        out += brokenFindings(broken, theme: theme)
        // Reachability from the home page.
        var seen: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let next = queue.popLast() {
            for target in edges[next] ?? [] where !seen.contains(target) {
                seen.insert(target)
                queue.append(target)
            }
        }
        for file in htmlFiles where file.kind != .notFound && !seen.contains(file.path) {
            out.append(.warning(LinkText.unreachablePage.message, at: SourceLocation(path: "public/\(file.path)", line: 1, column: 1)))
        }
        return out
    }

    private func record(_ resolved: (path: String, fragment: String?), from file: Page, byURL: [String: Page], ids: [String: Set<String>],
                        edges: inout [String: Set<String>], out: inout [Diagnostic], broken: inout [(target: String, link: String, page: String)],
                        link: String) {
        guard let target = byURL[resolved.path] ?? byURL[resolved.path + "/"] ?? (resolved.path.isEmpty ? byURL["index.html"] : nil) else {
            broken.append((resolved.path, link, file.path))
            return
        }
        edges[file.path, default: []].insert(target.path)
        if let fragment = resolved.fragment, !fragment.isEmpty {
            let id = fragment.removingPercentEncoding ?? fragment
            if let targetIDs = ids[target.path], !targetIDs.contains(id) {
                out.append(.error(LinkText.outputBrokenAnchor(["fragment": id, "link": link, "target": target.urlPath]), at: SourceLocation(path: "public/\(file.path)", line: 1, column: 1)))
            }
        }
    }

    /// Values of `name="…"` attributes in `html`.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var out: [String] = []
        let needle = " \(name)=\""
        var search = html.startIndex
        while let r = html.range(of: needle, range: search..<html.endIndex) {
            guard let end = html[r.upperBound...].firstIndex(of: "\"") else { break }
            out.append(String(html[r.upperBound..<end]))
            search = end
        }
        return out
    }

    /// The broken links: one error per page for a target broken on one page; for a target broken on several, one
    /// error at the first template line naming its file (or at the first page, with the count).
    private func brokenFindings(_ broken: [(target: String, link: String, page: String)], theme: Theme?) -> [Diagnostic] {
        var order: [String] = []
        var byTarget: [String: [(link: String, page: String)]] = [:]
        for b in broken {
            if byTarget[b.target] == nil { order.append(b.target) }
            byTarget[b.target, default: []].append((b.link, b.page))
        }
        var out: [Diagnostic] = []
        for target in order {
            let all = byTarget[target] ?? []
            guard let first = all.first else { continue }
            guard all.count > 1 else {
                out.append(.error(LinkText.outputBrokenLink(["link": first.link, "target": target]), at: SourceLocation(path: "public/\(first.page)", line: 1, column: 1)))
                continue
            }
            let pages = Set(all.map(\.page)).count
            if let place = Self.templatePlace(naming: target, in: theme) {
                out.append(.error(LinkText.templateBrokenLink(["target": target, "pages": pages, "page": "public/\(first.page)"]), at: place))
            } else {
                out.append(.error(LinkText.outputBrokenLinkOnPages(["link": first.link, "target": target, "pages": pages]), at: SourceLocation(path: "public/\(first.page)", line: 1, column: 1)))
            }
        }
        return out
    }

    /// Where a template first names the file `target` ends with (its last path segment), or nil.
    static func templatePlace(naming target: String, in theme: Theme?) -> SourceLocation? {
        guard let theme else { return nil }
        let trimmed = target.hasSuffix("/") ? String(target.dropLast()) : target
        guard let name = trimmed.split(separator: "/").last.map(String.init), name.count >= 3 else { return nil }
        for source in theme.sources.sorted(by: { $0.path < $1.path }) {
            guard let range = source.text.range(of: name) else { continue }
            let (line, column) = TextPosition(source.text).lineColumn(of: range.lowerBound)
            return SourceLocation(path: source.path, line: line, column: column)
        }
        return nil
    }
}
