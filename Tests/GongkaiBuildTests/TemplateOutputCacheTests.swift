import Foundation
@testable import GongkaiBuild
import Testing

/// Output reused across contexts of one shape must be exactly what Mustache renders for each context.
@Suite struct TemplateOutputCacheTests {
    /// Templates that exercise what could tell a reused output from Mustache's own: escaped and raw insertion,
    /// sections over text, inverted sections, lists of every length, `{{.}}`, numbers, names found further down the
    /// context stack, a partial indented on its own line (Mustache indents after a line feed, so values ending in
    /// one matter), and a template that switches to text output.
    static let templates: [String: String] = [
        "t-main": """
        <ul>
          {{> partials/t-rows}}
        </ul>
        {{#flag}}yes {{name}}{{/flag}}{{^flag}}no{{/flag}} {{flag}}
        {{#items}}<li>{{title}}|{{{raw}}}|{{&raw}}|{{n}}|{{x}}|{{name}}</li>
        {{/items}}{{^items}}none{{/items}}
        {{#name}}[{{.}}|{{other}}]{{/name}}{{^missing}}!{{/missing}}
        {{#words}}<{{.}}>{{/words}}
        {{#nested.inner}}{{nested.inner.deep}}{{/nested.inner}}
        """,
        "partials/t-rows": """
        {{#rows}}
        <li>{{label}}</li>
        {{value}}
        {{{html}}}
        {{/rows}}
        """,
        "t-text": """
        {{% CONTENT_TYPE: TEXT }}
        {{name}} {{{other}}}
        {{#items}}{{title}};{{/items}}
        """,
    ]

    static func theme(_ templates: [String: String] = templates) throws -> Theme {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-skeleton-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: SiteFixture.repositoryRoot.appendingPathComponent("theme"), to: root)
        for (name, text) in templates {
            try Data((text + "\n").utf8).write(to: root.appendingPathComponent("templates/\(name).mustache"))
        }
        return try Theme.load(from: root, displayPath: "theme")
    }

    /// A small deterministic generator (the same contexts on every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        static let texts = ["", "项城市", "a<b>&\"'c", "\n", "x\n", "行\r\n", "x\r", "\r", "tab\there", "数字 12", "{{name}}",
                            "&amp;", "\t&1", "两行\n文字\n", "\u{E000}私用", "é", "\u{301}"]
        mutating func text() -> String { Self.texts[next(Self.texts.count)] }
        mutating func context() -> [String: Any] {
            var ctx: [String: Any] = ["name": text(), "other": text(), "flag": next(2) == 0,
                                      "items": (0..<next(4)).map { _ in ["title": text(), "raw": text(), "n": next(1000)] as [String: Any] },
                                      "rows": (0..<next(3)).map { _ in ["label": text(), "value": text(), "html": text()] },
                                      "words": (0..<next(3)).map { _ in text() },
                                      "x": next(2) == 0 ? 2.5 : 1_000_000.0]
            if next(3) == 0 { ctx.removeValue(forKey: "other") }
            if next(2) == 0 { ctx["nested"] = ["inner": ["deep": text()]] }
            return ctx
        }
    }

    @Test func reusedOutputEqualsMustachesForEveryContext() throws {
        let theme = try Self.theme()
        #expect(theme.allowsSkeletons)
        var generator = Generator(state: 42)
        var compared = 0
        for _ in 0..<1500 {
            let context = generator.context()
            for name in ["t-main", "t-text"] {
                let direct = try #require(theme.library.render(context, withTemplate: name))
                // The first time a shape is seen its skeleton is made; later contexts of the shape fill it.
                #expect(theme.render(name, context: context) == direct, "\(name): \(context)")
                #expect(theme.renderUTF8(name, context: context) == Array(direct.utf8))
                compared += 1
            }
        }
        #expect(compared == 3000)
    }

    /// The typed values `PageContextBuilder` makes: the same structure as `Generator.context()`, names set in a
    /// random order (the shape's key follows the order they were set).
    static func typedContext(_ generator: inout Generator) -> TemplateObject {
        func text() -> TemplateValue { .text(generator.text()) }
        var entries: [(String, TemplateValue)] = [
            ("name", text()), ("other", text()), ("flag", .flag(generator.next(2) == 0)),
            ("items", .list((0..<generator.next(4)).map { _ in .object(["title": text(), "raw": text(), "n": .number(generator.next(1000))]) })),
            ("rows", generator.next(2) == 0 ? .records((0..<generator.next(3)).map { _ in ["label": text(), "value": text(), "html": text()] })
                                             : .list((0..<generator.next(3)).map { _ in .object(["label": text(), "value": text(), "html": text()]) })),
            ("words", generator.next(2) == 0 ? .texts((0..<generator.next(3)).map { _ in generator.text() })
                                              : .list((0..<generator.next(3)).map { _ in text() })),
            ("x", .number(generator.next(2) == 0 ? -3 : 1_000_000)),
        ]
        if generator.next(3) == 0 { entries.removeAll { $0.0 == "other" } }
        if generator.next(2) == 0 { entries.append(("nested", .object(["inner": .record(["deep": text()])]))) }
        if generator.next(2) == 0 { entries.reverse() }
        var values = TemplateObject()
        for (name, value) in entries { values[name] = value }
        return values
    }

    @Test func typedValuesComeOutAsMustacheRendersTheirDictionary() throws {
        let theme = try Self.theme()
        var generator = Generator(state: 7)
        var compared = 0
        for _ in 0..<1500 {
            let values = Self.typedContext(&generator)
            for name in ["t-main", "t-text"] {
                let direct = try #require(theme.library.render(values.mustacheValue, withTemplate: name))
                #expect(theme.render(name, values: values) == direct, "\(name): \(values.mustacheValue)")
                #expect(theme.renderUTF8(name, values: values) == Array(direct.utf8))
                compared += 1
            }
        }
        #expect(compared == 3000)
    }

    @Test func typedShapesFollowNamesAndNeverMeetDictionaryShapes() throws {
        var values: TemplateObject = ["t": .text("一"), "b": .flag(true), "l": .list([.object(["x": .text("1")])])]
        let a = try #require(ContextShape.of(values))
        values["t"] = .text("二二")
        let b = try #require(ContextShape.of(values))
        #expect(a.key == b.key)
        #expect(b.leaves.map(\.text) == ["二二", "1"])
        values["b"] = .flag(false)
        #expect(ContextShape.of(values)?.key != a.key)
        values["b"] = nil
        #expect(values.names == ["t", "l"])
        #expect(values.count == 2)
        #expect(ContextShape.of(values)?.key != a.key)
        // The same values as a dictionary: a key of its own (typed keys start with `T`).
        let typed = try #require(ContextShape.of(["a": .text("x")] as TemplateObject))
        let dictionary = try #require(ContextShape.of(["a": "x"]))
        #expect(typed.key != dictionary.key)
        #expect(typed.keyBytes.first == UInt8(ascii: "T"))
        // Too many text values: rendered directly.
        let many = TemplateObject(dictionaryLiteral: ("l", .list(Array(repeating: .text("x"), count: ContextShape.maximumLeaves + 1))))
        #expect(ContextShape.of(many) == nil)
        #expect(ContextShape.of(["t": .text("a\u{E001}")] as TemplateObject) == nil)
        // Mustache's form: the Swift types the untyped contexts had (transforms and printing tell them apart).
        let form = (["n": .number(3), "f": .flag(true), "l": .texts(["a"]), "e": .texts([]), "o": .list([.object(["x": .text("1")])]),
                     "z": .list([]), "m": .list([.text("a"), .number(1)]), "r": .records([["x": .text("1")]]), "q": .records([]),
                     "d": .record(["x": .text("1")])] as TemplateObject).mustacheValue
        #expect(form["n"] as? Int == 3)
        #expect(form["f"] as? Bool == true)
        #expect(form["l"] as? [String] == ["a"])
        #expect(form["e"] as? [String] == [])
        #expect((form["o"] as? [[String: Any]])?.first?["x"] as? String == "1")
        #expect((form["z"] as? [[String: Any]])?.isEmpty == true)
        #expect((form["m"] as? [Any])?.count == 2)
        #expect(form["r"] as? [[String: String]] == [["x": "1"]])
        #expect(form["q"] as? [[String: String]] == [])
        #expect(form["d"] as? [String: String] == ["x": "1"])
        // The review's cases: `sorted` needs a list of text even when it is empty; `reversed` prints the element type.
        let theme = try Self.theme(["t-sorted": "{{#sorted(l)}}{{.}},{{/sorted(l)}}[{{count(sorted(e))}}][{{reversed(r)}}]"])
        let rendered = theme.render("t-sorted", values: ["l": .texts(["b", "a"]), "e": .texts([]), "r": .records([])])
        #expect(rendered == "a,b,[0][ReversedCollection&lt;Array&lt;Dictionary&lt;String, String&gt;&gt;&gt;(_base: [])]\n")
        // Lists of other kinds have keys of their own.
        #expect(ContextShape.of(["l": .texts(["a"])] as TemplateObject)?.key != ContextShape.of(["l": .list([.text("a")])] as TemplateObject)?.key)
        #expect(ContextShape.of(["l": .records([["x": .text("a")]])] as TemplateObject)?.key
                != ContextShape.of(["l": .list([.object(["x": .text("a")])])] as TemplateObject)?.key)
        #expect(ContextShape.of(["d": .record(["x": .text("a")])] as TemplateObject)?.key != ContextShape.of(["d": .object(["x": .text("a")])] as TemplateObject)?.key)
    }

    @Test func theRealSiteComesOutTheSameEitherWay() throws {
        // The repository's own site (every page kind, the real report), built with reuse and by Mustache alone.
        func build(reuse: Bool) throws -> [String: [UInt8]] {
            var options = BuildOptions()
            options.reuseTemplateOutput = reuse
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-reuse-\(UUID().uuidString)")
            let result = try SiteBuilder(root: SiteFixture.repositoryRoot, options: options).buildAndWrite(to: out).0
            return Dictionary(result.files.map { ($0.path, $0.bytes) }) { a, _ in a }
        }
        let reused = try build(reuse: true)
        let direct = try build(reuse: false)
        #expect(reused.keys.filter { $0.hasSuffix(".html") }.count >= 19)
        #expect(reused.keys.sorted() == direct.keys.sorted())
        // Named, not dumped: the paths whose bytes differ.
        let differing = reused.keys.sorted().filter { reused[$0] != direct[$0] }
        #expect(differing.isEmpty, "differ with and without reuse: \(differing)")
    }

    @Test func shapeIgnoresTextButNotStructure() throws {
        let a = try #require(ContextShape.of(["t": "一", "b": true, "l": [["x": "1"]]]))
        let b = try #require(ContextShape.of(["t": "二二", "b": true, "l": [["x": "99"]]]))
        #expect(a.key == b.key)
        #expect(b.leaves.map(\.text) == ["99", "二二"])   // keys in sorted order: b, l, t
        for other: [String: Any] in [["t": "一", "b": false, "l": [["x": "1"]]], ["t": "一", "b": true, "l": []],
                                     ["t": "一", "l": [["x": "1"]]], ["t": "", "b": true, "l": [["x": "1"]]],
                                     ["t": "一\n", "b": true, "l": [["x": "1"]]], ["t": "\r", "b": true, "l": [["x": "1"]]]] {
            #expect(ContextShape.of(other)?.key != a.key, "\(other)")
        }
        // What is not plain data, and text using the markers' characters, are not given a shape.
        #expect(ContextShape.of(["f": { () -> Int in 1 }]) == nil)
        #expect(ContextShape.of(["n": Int64(1)]) == nil)
        #expect(ContextShape.of(["t": "a\u{E001}"]) == nil)
        // Nor is a context with more text values than a shape keeps.
        #expect(ContextShape.of(["l": Array(repeating: "x", count: ContextShape.maximumLeaves)]) != nil)
        #expect(ContextShape.of(["l": Array(repeating: "x", count: ContextShape.maximumLeaves + 1)]) == nil)
    }

    @Test func themesWhoseOutputCannotBeReusedAreRenderedDirectly() {
        #expect(Theme.allowsSkeletons("{{#a}}{{b}}{{/a}} {{! a note }} {{> partials/x}} {{% CONTENT_TYPE: TEXT }} f(x) * 2"))
        #expect(!Theme.allowsSkeletons("{{uppercased(name)}}"))
        #expect(!Theme.allowsSkeletons("{{#items}}{{#first()}}x{{/first()}}{{/items}}"))
        #expect(!Theme.allowsSkeletons("{{>*dynamic}}"))
        #expect(!Theme.allowsSkeletons("{{=<% %>=}}<% x %>"))
        #expect(!Theme.allowsSkeletons("私用\u{E000}"))
        // Found in review: a dynamic parent or partial after other white space, Mustache's character-by-character
        // HTML escaping, and a transform hidden from a character-based search by U+0600 joining the brace.
        #expect(!Theme.allowsSkeletons("{{<*p}}{{/*p}}"))
        #expect(!Theme.allowsSkeletons("[{{>\t*p}}]"))
        #expect(!Theme.allowsSkeletons("{{% CONTENT_TYPE: HTML }}\n<p>{{x}}</p>"))
        #expect(!Theme.allowsSkeletons("\u{600}{{! {{uppercased(name)}}"))
    }

    /// Cases found in review, each rendered both ways: what the cache cannot reproduce must be left to Mustache.
    @Test func reviewedCasesComeOutAsMustacheRendersThem() throws {
        // Mustache's own HTML escaping treats `<` with a combining mark as one character and leaves it alone.
        let pragma = try Self.theme(["t-html": "{{% CONTENT_TYPE: HTML }}\n<p>{{x}}</p>"])
        #expect(!pragma.allowsSkeletons)
        for x in ["a <\u{338} b", "&\u{301}", "\"\u{301}", "plain"] {
            #expect(pragma.renderUTF8("t-html", context: ["x": x]) == pragma.library.render(["x": x], withTemplate: "t-html").map { Array($0.utf8) })
        }
        // A dictionary printed whole: its text follows its own storage order, which the marked copy cannot keep.
        let printing = try Self.theme(["t-print": "{{d}}|{{#l}}{{.}}{{/l}}"])
        #expect(printing.allowsSkeletons)
        for round in 0..<3 {
            var d: [String: Any] = [:]
            for key in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"].shuffled() {
                d[key] = round == 1
            }
            let context: [String: Any] = ["d": d, "l": [["x": "1"]]]
            #expect(printing.renderUTF8("t-print", context: context) == printing.library.render(context, withTemplate: "t-print").map { Array($0.utf8) })
        }
        // Values that casts would take for plain data but Mustache does not: not given a shape.
        #expect(ContextShape.of(["n": NSNumber(value: 0)]) == nil)
        #expect(ContextShape.of(["l": NSArray(array: ["a", "b"])]) == nil)
        #expect(ContextShape.of(["d": ["a": "x"] as [AnyHashable: Any]]) == nil)
        #expect(ContextShape.of(["d": NSDictionary(dictionary: ["a": "x"])]) == nil)
        #expect(ContextShape.of(["x": Optional<Double>.some(2.5) as Any]) == nil)
        // The exact types the pages use are.
        #expect(ContextShape.of(["a": ["x": "1"] as [String: String], "b": [["x": "1"]] as [[String: String]], "c": ["1"], "d": 2.5, "e": [1, "x"] as [Any]]) != nil)
    }

    @Test func aMarkerThatDoesNotComeThroughWholeIsNotReused() {
        let leaves = [ContextShape.Leaf(text: "v", endsWithLineFeed: false), ContextShape.Leaf(text: "w\n", endsWithLineFeed: true)]
        let good = (RenderSkeleton(output: "<" + ContextShape.marker(0) + ">" + ContextShape.marker(1) + "\n.", leaves: leaves))
        #expect(good.map { String(decoding: $0.fill(leaves), as: UTF8.self) } == "<v>w\n.")
        // Printed through `String(describing:)` of a list (the tab comes out as `\t`), cut short, or missing its line feed.
        #expect(RenderSkeleton(output: "[\"\u{E000}\\t&0\u{E001}\"]", leaves: leaves) == nil)
        #expect(RenderSkeleton(output: "\u{E000}\t&0", leaves: leaves) == nil)
        #expect(RenderSkeleton(output: ContextShape.marker(1), leaves: leaves) == nil)
        #expect(RenderSkeleton(output: ContextShape.marker(7), leaves: leaves) == nil)
    }
}
