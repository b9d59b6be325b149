import Foundation
import GongkaiCore
import Markdown
import GongkaiYAML
import Yams

/// Proves an import: reads back the files written to a report folder, renders the Markdown as the site will, and
/// compares the text with the source, white space aside (so joined line breaks and indentation do not count).
/// Any difference is an error at the source line where the texts part.
public struct FidelityChecker: Sendable {
    /// Elements the rendered pages may contain: anything else means Markdown read structure into the text.
    static let allowedTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "a"]
    /// Elements a structured source (Word, HTML) brings: bold, tables, images.
    static let structureTags: Set<String> = ["strong", "table", "thead", "tbody", "tr", "th", "td", "img"]

    /// Creates a checker.
    public init() {}

    /// Checks the report folder `folder` written for `outline` from `source`; `pages` are the page paths in reading order.
    public func check(folder: URL, source: DecodedSource, outline: ReportOutline, pages: [String], titleFromText: Bool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let here = SourceLocation(path: source.path, line: 1, column: 1)

        // The source, white space removed, each character with its line.
        var expected: [(scalar: Unicode.Scalar, line: Int)] = []
        for (i, line) in source.lines.enumerated() {
            for s in line.unicodeScalars where !TextRules.isIgnorable(s) { expected.append((s, i + 1)) }
        }

        // What the written files say, in reading order.
        var written = ""
        let yaml: [String: Any]
        do {
            let text = try String(contentsOf: folder.appendingPathComponent("report.yaml"), encoding: .utf8)
            try YAMLAliasGuard.check(text, path: "report.yaml")
            yaml = (try Yams.load(yaml: text) as? [String: Any]) ?? [:]
        } catch {
            return [.error(ImportText.cannotReadBackReportYAML(["error": error]), at: here)]
        }
        var titleDone = false
        for item in outline.front {
            switch item.kind {
            case .title:
                if titleFromText, !titleDone { written += Self.string(yaml["title"]) }
                titleDone = true
            case .documentNumber: written += Self.string(yaml["document_number"])
            case .salutation: written += Self.string(yaml["salutation"])
            }
        }
        let renderer = MarkdownRenderer()
        for page in pages {
            let url = folder.appendingPathComponent(page)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                diagnostics.append(.error(ImportText.cannotReadBackPage(["page": page]), at: here))
                continue
            }
            let (frontMatter, body) = Self.splitFrontMatter(text)
            if let frontMatter {
                do {
                    try YAMLAliasGuard.check(frontMatter, path: page)
                    let fm = (try Yams.load(yaml: frontMatter) as? [String: Any]) ?? [:]
                    written += Self.string(fm["title"])
                } catch {
                    diagnostics.append(.error(ImportText.frontMatterInvalid(["page": page, "error": error]), at: here))
                }
            }
            let html = renderer.render(body).html
            let allowed = source.hints.isEmpty ? Self.allowedTags : Self.allowedTags.union(Self.structureTags)
            for tag in Set(HTMLTags.names(in: html)) where !allowed.contains(tag) {
                diagnostics.append(.error(ImportText.pageRendersAsTag(["page": page, "tag": tag]), at: here))
            }
            written += HTMLText.plain(html)
        }
        for line in (yaml["closing"] as? [Any]) ?? [] { written += Self.string(line) }

        let actual = written.unicodeScalars.filter { !TextRules.isIgnorable($0) }
        var k = 0
        for s in actual {
            guard k < expected.count else { break }
            if expected[k].scalar != s { break }
            k += 1
        }
        if k < expected.count || k < actual.count {
            let line = k < expected.count ? expected[k].line : (expected.last?.line ?? 1)
            let want = String(String.UnicodeScalarView(expected[k...].prefix(12).map(\.scalar)))
            let got = String(String.UnicodeScalarView(actual.dropFirst(k).prefix(12)))
            let message = got.isEmpty
                ? ImportText.losesText(["source": want])
                : want.isEmpty
                    ? ImportText.addsText(["imported": got])
                    : ImportText.differsFromSource(["source": want, "imported": got])
            diagnostics.append(.error(message, at: SourceLocation(path: source.path, line: line, column: 1)))
        }
        return diagnostics
    }

    /// Every image of the source is written, each beside a page that shows it, byte for byte.
    public func checkImages(folder: URL, pages: [String], source: DecodedSource) -> [Diagnostic] {
        var shown: Set<String> = []
        for page in pages {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8) else { continue }
            for name in ReportImporter.imageNames(in: text) {
                let dir = ReportImporter.assetFolder(of: page).map { folder.appendingPathComponent($0) } ?? folder
                if let data = try? Data(contentsOf: dir.appendingPathComponent(name)), [UInt8](data) == source.attachments[name] { shown.insert(name) }
            }
        }
        return source.attachments.keys.sorted().filter { !shown.contains($0) }.map {
            .error(ImportText.imageNotShown(["name": $0]), at: SourceLocation(path: source.path, line: 1, column: 1))
        }
    }

    /// Splits `---` front matter from the body.
    static func splitFrontMatter(_ text: String) -> (String?, String) {
        guard text.hasPrefix("---\n") else { return (nil, text) }
        let rest = text.dropFirst(4)
        if let end = rest.range(of: "\n---\n") {
            return (String(rest[..<end.lowerBound]), String(rest[end.upperBound...]))
        }
        if rest.hasSuffix("\n---") { return (String(rest.dropLast(4)), "") }
        return (nil, text)
    }

    private static func string(_ value: Any?) -> String {
        switch value {
        case let s as String: return s
        case let i as Int: return String(i)
        case nil: return ""
        case let other?: return "\(other)"
        }
    }
}
