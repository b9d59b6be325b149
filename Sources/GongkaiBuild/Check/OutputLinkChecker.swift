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

    /// Findings for `files`; locations name the output file (there is no source line for template output).
    public func check(_ files: [OutputFile]) -> [Diagnostic] {
        var byURL: [String: OutputFile] = [:]
        for file in files { byURL[file.path] = file; byURL[file.urlPath] = file }
        let htmlFiles = files.filter { $0.path.hasSuffix(".html") }
        var ids: [String: Set<String>] = [:]
        var links: [String: [String]] = [:]
        for file in htmlFiles {
            let text = String(decoding: file.bytes, as: UTF8.self)
            ids[file.path] = Set(Self.attributeValues("id", in: text))
            links[file.path] = Self.attributeValues("href", in: text) + Self.attributeValues("src", in: text) + Self.attributeValues("action", in: text)
        }
        var out: [Diagnostic] = []
        var edges: [String: Set<String>] = [:]
        for file in htmlFiles {
            let page = file.kind == .notFound ? "" : file.urlPath
            for raw in links[file.path] ?? [] {
                let link = HTMLText.plain(raw)
                if link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") || link.hasPrefix("//") || link.hasPrefix("data:") || link.isEmpty { continue }
                var target = link
                if target.hasPrefix("/") {
                    guard target.hasPrefix(basePath) else {
                        out.append(.error("link `\(link)` is outside the site's base path \(basePath)", at: SourceLocation(path: "public/\(file.path)", line: 1, column: 1)))
                        continue
                    }
                    target = String(target.dropFirst(basePath.count))
                    target = target.isEmpty ? "./" : target
                    guard let resolved = SiteChecker.resolve(target, from: "") else { continue }
                    record(resolved, from: file, byURL: byURL, ids: ids, edges: &edges, out: &out, link: link)
                } else if let resolved = SiteChecker.resolve(target, from: page) {
                    record(resolved, from: file, byURL: byURL, ids: ids, edges: &edges, out: &out, link: link)
                } else {
                    out.append(.error("link `\(link)` climbs above the site root", at: SourceLocation(path: "public/\(file.path)", line: 1, column: 1)))
                }
            }
        }
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
            out.append(.warning("no link reaches this page from the home page", at: SourceLocation(path: "public/\(file.path)", line: 1, column: 1)))
        }
        return out
    }

    private func record(_ resolved: (path: String, fragment: String?), from file: OutputFile, byURL: [String: OutputFile], ids: [String: Set<String>],
                        edges: inout [String: Set<String>], out: inout [Diagnostic], link: String) {
        guard let target = byURL[resolved.path] ?? byURL[resolved.path + "/"] ?? (resolved.path.isEmpty ? byURL["index.html"] : nil) else {
            out.append(.error("broken link `\(link)`: no file at /\(resolved.path)", at: SourceLocation(path: "public/\(file.path)", line: 1, column: 1)))
            return
        }
        edges[file.path, default: []].insert(target.path)
        if let fragment = resolved.fragment, !fragment.isEmpty {
            let id = fragment.removingPercentEncoding ?? fragment
            if let targetIDs = ids[target.path], !targetIDs.contains(id) {
                out.append(.error("broken anchor `#\(id)` in link `\(link)`: /\(target.urlPath) has no such id", at: SourceLocation(path: "public/\(file.path)", line: 1, column: 1)))
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
}
