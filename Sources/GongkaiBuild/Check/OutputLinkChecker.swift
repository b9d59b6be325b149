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
        public var links: [String] {
            linkBytes.withUnsafeBufferPointer { bytes in
                var out: [String] = []
                var i = 0
                while i < bytes.count {
                    let n = Int(LEB128.read(bytes, at: &i))
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<i + n]), as: UTF8.self))
                    i += n
                }
                return out
            }
        }
        /// The links packed one after another, each its length (LEB128) and its UTF-8: a page has tens of them and
        /// `gongkai check` keeps every page's until the end (kept as strings, its peak at 50,000 pages was 680 MiB;
        /// packed, 552 MiB).
        private let linkBytes: [UInt8]

        /// What the check reads of `file`.
        public init(_ file: OutputFile) {
            path = file.path
            urlPath = file.urlPath
            kind = file.kind
            if file.path.hasSuffix(".html") {
                ids = Set(OutputLinkChecker.attributeValues("id", in: file.bytes))
                var packed: [UInt8] = []
                for name in ["href", "src", "action"] {
                    OutputLinkChecker.forEachAttributeValue(name, in: file.bytes) { value in
                        LEB128.append(UInt64(value.count), to: &packed)
                        packed.append(contentsOf: value)
                    }
                }
                linkBytes = packed
            } else {
                ids = []
                linkBytes = []
            }
        }
    }

    /// Findings for the output files `pages` describe (in path order), as `check(_:theme:)`.
    public func check(pages files: [Page], theme: Theme? = nil) -> [Diagnostic] {
        var byURL: [String: Page] = [:]
        for file in files { byURL[file.path] = file; byURL[file.urlPath] = file }
        let htmlFiles = files.filter { $0.path.hasSuffix(".html") }
        var ids: [String: Set<String>] = [:]
        for file in htmlFiles { ids[file.path] = file.ids }
        // Each page's links are resolved on its own (on every core), then merged in page order.
        let pageFindings = ParallelMap.map(htmlFiles) { [byURL, ids] file in self.findings(for: file, byURL: byURL, ids: ids) }
        var out: [Diagnostic] = []
        var broken: [(target: String, link: String, page: String)] = []
        var edges: [String: Set<String>] = [:]
        for (file, found) in zip(htmlFiles, pageFindings) {
            out += found.diagnostics
            broken += found.broken.map { ($0.target, $0.link, file.path) }
            if !found.targets.isEmpty { edges[file.path, default: []].formUnion(found.targets) }
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

    /// What one page's links give: errors in link order, links to no file, and the files linked to.
    private struct PageFindings: Sendable {
        var diagnostics: [Diagnostic] = []
        var broken: [(target: String, link: String)] = []
        var targets: Set<String> = []
    }

    private func findings(for file: Page, byURL: [String: Page], ids: [String: Set<String>]) -> PageFindings {
        var found = PageFindings()
        let page = file.kind == .notFound ? "" : file.urlPath
        for raw in file.links {
            // The value's text (entities decoded); a value with no `&` or `<` is its own text.
            let link = raw.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") }) ? HTMLText.plain(raw) : raw
            if link.isEmpty || UTF8Search.contains(link, "://") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") || link.hasPrefix("//") || link.hasPrefix("data:") { continue }
            var target = link
            if target.hasPrefix("/") {
                guard target.hasPrefix(basePath) else {
                    found.diagnostics.append(.error(LinkText.outsideBasePath(["link": link, "basePath": basePath]), at: SourceLocation(path: "public/\(file.path)", line: 1, column: 1)))
                    continue
                }
                target = String(target.dropFirst(basePath.count))
                target = target.isEmpty ? "./" : target
                guard let resolved = SiteChecker.resolve(target, from: "") else { continue }
                record(resolved, from: file, byURL: byURL, ids: ids, into: &found, link: link)
            } else if let resolved = SiteChecker.resolve(target, from: page) {
                record(resolved, from: file, byURL: byURL, ids: ids, into: &found, link: link)
            } else {
                found.diagnostics.append(.error(LinkText.climbsAboveRoot(["link": link]), at: SourceLocation(path: "public/\(file.path)", line: 1, column: 1)))
            }
        }
        return found
    }

    private func record(_ resolved: (path: String, fragment: String?), from file: Page, byURL: [String: Page], ids: [String: Set<String>],
                        into found: inout PageFindings, link: String) {
        guard let target = byURL[resolved.path] ?? byURL[resolved.path + "/"] ?? (resolved.path.isEmpty ? byURL["index.html"] : nil) else {
            found.broken.append((resolved.path, link))
            return
        }
        found.targets.insert(target.path)
        if let fragment = resolved.fragment, !fragment.isEmpty {
            let id = fragment.removingPercentEncoding ?? fragment
            if let targetIDs = ids[target.path], !targetIDs.contains(id) {
                found.diagnostics.append(.error(LinkText.outputBrokenAnchor(["fragment": id, "link": link, "target": target.urlPath]), at: SourceLocation(path: "public/\(file.path)", line: 1, column: 1)))
            }
        }
    }

    /// Values of `name="…"` attributes in `html`.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        attributeValues(name, in: Array(html.utf8))
    }

    /// Values of `name="…"` attributes in the UTF-8 `html`, found byte by byte (`UTF8Search`): Foundation's
    /// `range(of:)` compares whole characters through UTF-16, and made `gongkai check` on a 10,000-page site spend
    /// most of its time here. A value ends at the next `"`.
    static func attributeValues(_ name: String, in html: [UInt8]) -> [String] {
        var out: [String] = []
        forEachAttributeValue(name, in: html) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    /// Calls `body` with the bytes of each `name="…"` value in `html`, in order.
    static func forEachAttributeValue(_ name: String, in html: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let needle = Array(" \(name)=\"".utf8)
        let quote = UInt8(ascii: "\"")
        html.withUnsafeBufferPointer { bytes in
            var search = 0
            while let hit = UTF8Search.find(needle, in: bytes, from: search) {
                let start = hit + needle.count
                guard let end = UTF8Search.find(quote, in: bytes, from: start) else { break }
                body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                search = end
            }
        }
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
