import Foundation
import GongkaiCore
import Mustache

/// The theme: Mustache templates (with partials) and assets copied to `public/assets/`.
///
/// Layout: `theme/templates/<name>.mustache` (one per page kind: home, report, topic, full, indicators, sitemap,
/// 404), `theme/templates/partials/<name>.mustache` (used as `{{> partials/<name>}}`), `theme/assets/**`.
public struct Theme: Sendable {
    /// Templates every theme must have, one per page kind.
    public static let requiredTemplates = ["home", "report", "topic", "full", "indicators", "sitemap", "search", "404"]

    /// The compiled templates.
    public let library: MustacheLibrary
    /// Names of all templates (`topic`, `partials/head` …).
    public let templateNames: Set<String>
    /// Asset files, output paths below `public/`.
    public let assets: [StaticFile]
    /// The names each template's tags refer to (`tagNames(in:)`); nil for a template that changes its tag
    /// delimiters (`{{=<% %>=}}`), whose tags cannot be listed.
    var namesByTemplate: [String: Set<String>?] = [:]
    /// Whether every template's output depends on values only through their structure and plain insertion, so that
    /// `render` may reuse output across contexts of one shape (`TemplateOutputCache`).
    var allowsSkeletons = false
    /// Each template's source (path shown in messages, text), so that a mistake found in the output (a link to an
    /// asset the theme lacks) can be reported once at the template instead of once per page.
    var sources: [(name: String, path: String, text: String)] = []
    /// Outputs kept across the pages of a build (and the rebuilds that keep this theme).
    let outputCache = TemplateOutputCache()

    /// Whether template `name` (or, without one, any template) may refer to the value `key`: values no template
    /// uses need not be made. A template whose tags cannot be listed may refer to anything.
    public func references(_ key: String, in name: String? = nil) -> Bool {
        let sets = name.map { namesByTemplate[$0].map { [$0] } ?? [] } ?? Array(namesByTemplate.values)
        return sets.contains { $0?.contains(key) ?? true }
    }

    /// Every name each template's tags spell, each part of a dotted path included (`report.meta` gives `report`
    /// and `meta`), and the partials and parents it names; nil for a template whose tags cannot be listed.
    var partsByTemplate: [String: (names: Set<String>, partials: Set<String>)?] = [:]

    /// Every name that the templates a page rendered with `name` reaches (its partials and parents, theirs, and so
    /// on) spell anywhere in their tags; nil when one of them cannot be listed. A value whose name is not among them
    /// can never be looked up while the page renders (Mustache finds values by name only), so it need not be made.
    public func namesReachable(from name: String) -> Set<String>? {
        var names = Set<String>(), seen = Set<String>(), pending = [name]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            guard let known = partsByTemplate[next], let parts = known else { return nil }
            names.formUnion(parts.names)
            pending += parts.partials
        }
        return names
    }

    /// Whether a template uses `navHTML` and `partials/tree-item` exists to render it: only then is it made.
    public var usesNavHTML: Bool { templateNames.contains("partials/tree-item") && references("navHTML") }

    /// A standalone pragma put before every template: values are escaped by `FastHTMLEscaping` (the same five
    /// characters as Mustache's own HTML escaping, done on UTF-8 bytes rather than character by character).
    private static let contentTypeLine: String = {
        MustacheContentTypes.register(FastHTMLEscaping(), named: FastHTMLEscaping.name)
        return "{{% CONTENT_TYPE: \(FastHTMLEscaping.name) }}\n"
    }()

    /// Loads and checks the theme at `url`: every template parses, every page kind has one, every partial exists.
    public static func load(from url: URL, displayPath: String) throws(DiagnosticError) -> Theme {
        var diagnostics: [Diagnostic] = []
        let templatesURL = url.appendingPathComponent("templates")
        // The theme's files are read only from inside the theme folder (`SymlinkGuard`): a linked template,
        // partial or assets folder leading elsewhere is an error, as is a folder link, a FIFO or a dangling link.
        let boundary = SymlinkGuard.realPath(url)
        for (folder, shown) in [(templatesURL, "templates"), (url.appendingPathComponent("assets"), "assets")] {
            if let problem = SymlinkGuard.check(folder.path, boundary: boundary, displayPath: "\(displayPath)/\(shown)") {
                diagnostics.append(problem)
            }
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        guard FileManager.default.fileExists(atPath: templatesURL.path) else {
            throw DiagnosticError([.error(BuildText.themeNoTemplatesFolder(["path": displayPath]), at: SourceLocation(path: "\(displayPath)/templates", line: 1, column: 1))])
        }
        var library = MustacheLibrary()
        var names = Set<String>()
        var sources: [(name: String, path: String, text: String)] = []
        // Templates that exist but do not parse: a partial naming one is not "missing" (its own error says why).
        var unparsed = Set<String>()
        for (relative, _) in SiteFolder.files(below: templatesURL, display: "\(displayPath)/templates", boundary: boundary, diagnostics: &diagnostics)
            where relative.hasSuffix(".mustache") {
            let path = "\(displayPath)/templates/\(relative)"
            let name = String(relative.dropLast(".mustache".count))
            do {
                let file = try SourceFile.read(templatesURL.appendingPathComponent(relative), displayPath: path)
                do {
                    let template = try MustacheTemplate(string: Self.contentTypeLine + file.text)
                    library.register(template, named: name)
                    names.insert(name)
                    sources.append((name, path, file.text))
                } catch let error as MustacheTemplate.ParserError {
                    // The content-type line is not the author's: lines count from the one after it.
                    let line = max(1, error.context.lineNumber - 1)
                    unparsed.insert(name)
                    diagnostics.append(.error(BuildText.templateDoesNotParse(["problem": "\(error.error)"]), at: SourceLocation(path: path, line: line, column: error.context.columnNumber)))
                } catch {
                    unparsed.insert(name)
                    diagnostics.append(.error(BuildText.templateDoesNotParse(["problem": "\(error)"]), at: SourceLocation(path: path, line: 1, column: 1)))
                }
            } catch {
                diagnostics += error.diagnostics
            }
        }
        for required in requiredTemplates where !names.contains(required) {
            if !diagnostics.contains(where: { $0.location.path == "\(displayPath)/templates/\(required).mustache" }) {
                diagnostics.append(.error(BuildText.missingTemplate(["name": required]), at: SourceLocation(path: "\(displayPath)/templates/\(required).mustache", line: 1, column: 1)))
            }
        }
        // A template refused above (a link leading out, a FIFO …) has its own error: no "does not exist" for it too.
        let prefix = "\(displayPath)/templates/", suffix = ".mustache"
        let refused = diagnostics.map(\.location.path).filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }
            .map { String($0.dropFirst(prefix.count).dropLast(suffix.count)) }
        for source in sources {
            diagnostics += missingPartials(in: source.text, path: source.path, known: names.union(unparsed).union(refused))
        }
        diagnostics += TemplateCycleCheck.diagnostics(sources.map { TemplateCycleCheck.Source(name: $0.name, path: $0.path, text: $0.text) })
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }

        var assets: [StaticFile] = []
        let assetsURL = url.appendingPathComponent("assets")
        for (relative, file) in SiteFolder.files(below: assetsURL, display: "\(displayPath)/assets", boundary: boundary, diagnostics: &diagnostics) {
            if let bytes = FileBytes.read(file.path) {
                assets.append(StaticFile(outputPath: "assets/\(relative)", bytes: bytes))
            } else {
                diagnostics.append(.error(BuildText.cannotReadFile.message, at: SourceLocation(path: "\(displayPath)/assets/\(relative)", line: 1, column: 1)))
            }
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        var theme = Theme(library: library, templateNames: names, assets: assets)
        for source in sources {
            theme.namesByTemplate[source.name] = source.text.contains("{{=") ? .some(nil) : Set(tagNames(in: source.text))
            theme.partsByTemplate[source.name] = source.text.contains("{{=") ? .some(nil)
                : (Set(tagNames(in: source.text, everyPart: true)), Set(partialNames(in: source.text)))
        }
        theme.allowsSkeletons = sources.allSatisfy { allowsSkeletons($0.text) }
        theme.sources = sources
        return theme
    }

    /// Renders `context` with the template `name`.
    public func render(_ name: String, context: [String: Any]) -> String? {
        guard allowsSkeletons else { return library.render(context, withTemplate: name) }
        return renderUTF8(name, context: context).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders `context` with the template `name`, as UTF-8: the same bytes as `render`.
    public func renderUTF8(_ name: String, context: [String: Any]) -> [UInt8]? {
        guard allowsSkeletons else { return library.render(context, withTemplate: name).map { Array($0.utf8) } }
        return outputCache.render(name, context: context) { library.render($0, withTemplate: name) }
    }

    /// Renders typed values with the template `name` (what `render(_:context:)` gives for `values.mustacheValue`).
    func render(_ name: String, values: TemplateObject) -> String? {
        renderUTF8(name, values: values).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders typed values with the template `name`, as UTF-8.
    func renderUTF8(_ name: String, values: TemplateObject) -> [UInt8]? {
        guard allowsSkeletons else { return library.render(values.mustacheValue, withTemplate: name).map { Array($0.utf8) } }
        return outputCache.render(name, values: values) { library.render($0, withTemplate: name) }
    }

    /// Whether a template's output can be reused across contexts of one shape: none of its tags applies a transform
    /// (`{{uppercased(x)}}`, `{{#first()}}`), names a partial by a value (`{{>*x}}`, `{{<*x}}`), changes the
    /// delimiters or sets a pragma other than `CONTENT_TYPE: TEXT` (Mustache's own HTML escaping works on whole
    /// characters, the reused output's on bytes), and its text has no character from U+E000–U+EFFF, the block
    /// `ContextShape`'s markers use.
    ///
    /// Conservative by construction: the text is searched as bytes from every `{{` (Mustache reads characters, so it
    /// sees no tag that this misses, even where a character such as U+0600 joins a brace), up to the next `}}`,
    /// comments included.
    static func allowsSkeletons(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        if bytes.contains(0xEE) { return false }  // the lead byte of U+E000–U+EFFF
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var i = 0
        while i + 1 < bytes.count {
            defer { i += 1 }
            guard bytes[i] == open, bytes[i + 1] == open else { continue }
            var end = i + 2
            while end + 1 < bytes.count, !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
            let content = bytes[(i + 2)..<min(end, bytes.count)]
            if content.contains(UInt8(ascii: "(")) || content.contains(UInt8(ascii: "*")) { return false }
            let tag = content.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            if tag.first == UInt8(ascii: "=") { return false }
            if tag.first == UInt8(ascii: "%") {
                let pragma = String(decoding: tag.dropFirst(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if pragma.replacingOccurrences(of: " ", with: "") != "CONTENT_TYPE:TEXT" { return false }
            }
        }
        return true
    }

    /// The names each variable and section tag refers to (`{{x.y}}`, `{{{x}}}`, `{{&x}}`, `{{#x}}`, `{{^x}}`, transforms
    /// such as `{{uppercase(x.y)}}`): the first part of every dotted path, transform names included. Partials,
    /// comments, pragmas and blocks are left out. Errs on the side of listing too much: a listed name is only made.
    /// With `everyPart`, every part of a dotted path (`x.y` gives `x` and `y`).
    static func tagNames(in text: String, everyPart: Bool = false) -> [String] {
        var out: [String] = []
        for (_, content) in tags(in: text) {
            var tag = content.drop { $0 == " " }
            guard let sigil = tag.first else { continue }
            if "{&#^".contains(sigil) { tag = tag.dropFirst().drop { $0 == " " } }
            else if "!>%$<=/".contains(sigil) { continue }
            // Every name in the tag (`x.y`, `uppercase(x.y)`, `a(b(x))`): the first part of each dotted path.
            var expectsName = true
            var current = ""
            for ch in tag.prefix(while: { $0 != "}" }) + " " {
                if ch.isLetter || ch.isNumber || ch == "_" || ch == "-" {
                    if expectsName { current.append(ch) }
                } else {
                    if !current.isEmpty { out.append(current); current = "" }
                    expectsName = everyPart || ch != "."
                }
            }
        }
        return out
    }

    /// The partials (`{{> name}}`) and parents (`{{< name}}`) a template names.
    static func partialNames(in text: String) -> [String] {
        tags(in: text).compactMap { _, content in
            let tag = content.trimmingCharacters(in: .whitespaces)
            guard let first = tag.first, first == ">" || first == "<" else { return nil }
            return tag.dropFirst().trimmingCharacters(in: .whitespaces)
        }
    }

    /// Every `{{…}}` tag of a template: where it starts, and what stands between the braces.
    static func tags(in text: String) -> [(start: String.Index, content: Substring)] {
        var out: [(start: String.Index, content: Substring)] = []
        var search = text.startIndex
        while let open = text.range(of: "{{", range: search..<text.endIndex) {
            guard let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) else { break }
            out.append((open.lowerBound, text[open.upperBound..<close.lowerBound]))
            search = close.upperBound
        }
        return out
    }

    private static func missingPartials(in text: String, path: String, known: Set<String>) -> [Diagnostic] {
        let position = TextPosition(text)
        return tags(in: text).compactMap { start, content in
            let tag = content.trimmingCharacters(in: .whitespaces)
            guard let first = tag.first, first == ">" || first == "<" else { return nil }
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            guard !known.contains(name), !name.hasPrefix("*") else { return nil }  // `*`: TemplateCycleCheck's error
            let (line, column) = position.lineColumn(of: start)
            return .error(BuildText.missingPartial(["name": name]), at: SourceLocation(path: path, line: line, column: column))
        }
    }

}
