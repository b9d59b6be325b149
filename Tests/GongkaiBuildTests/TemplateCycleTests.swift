import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// Issue #31, item 4: a partial that included itself overflowed the stack in `build` (SIGSEGV, a staging folder left
/// behind), `check` and `serve`. Every cycle of partials is an error at the tag, found when the theme is loaded.
@Suite(.timeLimit(.minutes(1))) struct TemplateCycleTests {
    @Test func aPartialThatIncludesItselfIsAnErrorAtTheTag() throws {
        let site = try SiteFixture(smallSite)
        try site.write("theme/templates/partials/footer.mustache", "<footer>\n  {{> partials/footer}}\n</footer>\n")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("theme/templates/partials/footer.mustache:2:3: error: template `partials/footer` includes itself: it would never finish rendering"), "\(errors)")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        #expect(!siblings.contains { $0 != "content" && $0 != "theme" }, "\(siblings)")
    }

    @Test func aCycleThroughTwoPartialsAndInsideASectionIsAnError() throws {
        let site = try SiteFixture(smallSite)
        try site.write("theme/templates/partials/footer.mustache", "<footer>{{> partials/loop-a}}</footer>\n")
        try site.write("theme/templates/partials/loop-a.mustache", "a{{#site}}{{> partials/loop-b}}{{/site}}\n")
        try site.write("theme/templates/partials/loop-b.mustache", "b\n{{^x}}{{>partials/loop-a}}{{/x}}\n")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("theme/templates/partials/loop-b.mustache:2:7: error: template `partials/loop-a` includes itself through `partials/loop-a` → `partials/loop-b` → `partials/loop-a`"), "\(errors)")
        #expect(errors.components(separatedBy: "includes itself").count == 2, "one error per cycle: \(errors)")
    }

    @Test func theOldRecursiveTreeItemIsRefusedAndSaysWhatToUse() throws {
        let site = try SiteFixture(smallSite)
        try site.write("theme/templates/partials/tree-item.mustache", "<li>{{title}}<ul>{{#children}}{{> partials/tree-item}}{{/children}}</ul></li>\n")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("theme/templates/partials/tree-item.mustache:1:31: error: template `partials/tree-item` includes itself"), "\(errors)")
        #expect(errors.contains("childrenHTML"), "\(errors)")
    }

    @Test func aLayoutThatInheritsItselfAndADynamicPartialAreErrors() throws {
        let site = try SiteFixture(smallSite)
        let layout = try String(contentsOf: site.root.appendingPathComponent("theme/templates/layout.mustache"), encoding: .utf8)
        try site.write("theme/templates/layout.mustache", "{{<layout}}{{/layout}}\n" + layout)
        try site.write("theme/templates/partials/footer.mustache", "<footer>{{>*page.kind}}</footer>\n")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("theme/templates/layout.mustache:1:1: error: template `layout` includes itself"), "\(errors)")
        #expect(errors.contains("theme/templates/partials/footer.mustache:1:9: error: `{{>*page.kind}}` names a template by a value"), "\(errors)")
    }

    @Test func aPartialWithOtherDelimitersIncludedByTheLayoutIsRefused() throws {
        let site = try SiteFixture(smallSite)
        try site.write("theme/templates/partials/footer.mustache", "{{=<% %>=}}<footer><%> layout%></footer>\n")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("error: template `layout` includes itself through"), "\(errors)")
        #expect(errors.contains("(`partials/footer` changes its tag delimiters, so Gongkai cannot see which templates it includes)"), "\(errors)")
    }

    @Test func theDefaultThemeHasNoCycle() throws {
        let site = try SiteFixture(smallSite)
        try site.build()
    }
}

/// The cycle check's places are counted in one pass: many partial tags on one line stay quick, and each error is
/// at its tag.
@Suite(.timeLimit(.minutes(1))) struct TemplateCyclePlacesTests {
    @Test func placesAfterLineBreaksAndWideCharactersAndManyTags() {
        let text = "中文\r\n  {{> b}}\r{{> c}}" + String(repeating: "{{> d}}", count: 40_000) + "\n中{{> a}}"
        let sources = [TemplateCycleCheck.Source(name: "a", path: "a.mustache", text: text),
                       TemplateCycleCheck.Source(name: "b", path: "b.mustache", text: ""),
                       TemplateCycleCheck.Source(name: "c", path: "c.mustache", text: "x\n {{> c}}"),
                       TemplateCycleCheck.Source(name: "d", path: "d.mustache", text: "")]
        let clock = ContinuousClock()
        var errors: [String] = []
        let elapsed = clock.measure { errors = TemplateCycleCheck.diagnostics(sources).map(\.description) }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("c.mustache:2:2: error: template `c` includes itself:") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("a.mustache:4:2: error: template `a` includes itself:") }, "\(errors)")
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }
}
