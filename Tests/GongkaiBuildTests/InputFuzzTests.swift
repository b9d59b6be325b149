import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore
@testable import GongkaiIndicators

/// Issue #31, item 4: seeded random-mutation fuzzing of the front-matter reader (and the YAML readers behind
/// site.yaml and indicators.yaml) and of the template loader, bounded by time (`GONGKAI_FUZZ_SECONDS`, default 8 s
/// each). Every input must end in a result or located diagnostics — no crash, no hang, no location before 1:1.
@Suite(.serialized) struct InputFuzzTests {
    static let yamlTokens = ["*a", "&a ", "<<: *a\n", "---\n", ": ", "- ", "[", "]", "{", "}", "\"", "'", "\t", "\n", "  ", "? ",
                             "!!str ", "|\n  ", ">-\n  ", "#", "%YAML 1.1\n", "\u{200B}", "一、", "title: ", "order: 1\n"]

    static func expectLocated(_ error: DiagnosticError, _ input: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!error.diagnostics.isEmpty, "\(input)", sourceLocation: sourceLocation)
        for d in error.diagnostics {
            #expect(d.location.line >= 1 && d.location.column >= 1, "\(d) for \(input)", sourceLocation: sourceLocation)
        }
    }

    @Test(.timeLimit(.minutes(2))) func frontMatterAndYAMLReaders() throws {
        var fuzzer = FuzzMutator(seed: 0x31_F0, tokens: Self.yamlTokens)
        let seeds = ["---\ntitle: 一、主要负责人\norder: 1\nslug: a\nsummary: \"x\"\n---\n正文[链接](../x/)\n",
                     "---\ntitle: &t 标题\nsummary: *t\n---\n",
                     "title: 测试网站\nmenu:\n  - title: 首页\n    url: /\nfooter:\n  icp: {text: 豫ICP备, url: \"https://beian.miit.gov.cn/\"}\n",
                     "indicators:\n  - id: a\n    topic: \"02/04\"\n    label: 甲\n    value: 1\n    unit: 项\n    written: 1项\n    quote: 共1项\n"]
        let ran = try fuzzer.run(seeds: seeds) { input in
            do throws(DiagnosticError) {
                let file = try SourceFile.decode(bytes: input, displayPath: "content/r/01.md")
                do throws(DiagnosticError) { _ = try FrontMatterDocument.parse(file) } catch { Self.expectLocated(error, input) }
                do throws(DiagnosticError) {
                    var diagnostics: [Diagnostic] = []
                    _ = SiteConfigReader.parse(try YAMLReader.parse(file.text, path: "content/site.yaml"), diagnostics: &diagnostics)
                } catch { Self.expectLocated(error, input) }
                // IndicatorFile's errors are located too (a YAML reader error, such as a control character, was at 0:0).
                do throws(DiagnosticError) { _ = try IndicatorFile.load(path: "content/r/indicators.yaml", text: file.text) } catch {
                    Self.expectLocated(error, input)
                }
            } catch {
                Self.expectLocated(error, input)
            }
        }
        #expect(ran > 100, "only \(ran) inputs in the time given")
    }

    @Test(.timeLimit(.minutes(2))) func templateLoader() throws {
        var fuzzer = FuzzMutator(seed: 0x31_7E, tokens: ["{{", "}}", "{{{", "}}}", "{{> partials/footer}}", "{{> partials/a}}", "{{<layout}}", "{{/layout}}",
                                                       "{{$content}}", "{{/content}}", "{{#page}}", "{{/page}}", "{{^x}}", "{{/x}}", "{{=<% %>=}}",
                                                       "{{>*x}}", "{{! c }}", "{{% CONTENT_TYPE: TEXT }}", "{{uppercased(x)}}", "\n"])
        let site = try SiteFixture(smallSite)
        let theme = site.root.appendingPathComponent("theme")
        let footer = theme.appendingPathComponent("templates/partials/footer.mustache")
        let extra = theme.appendingPathComponent("templates/partials/a.mustache")
        let seeds = [try String(contentsOf: footer, encoding: .utf8), "<p>{{site.title}}{{#menu}}<a href=\"{{href}}\">{{title}}</a>{{/menu}}</p>\n"]
        var second = FuzzMutator(seed: 0x31_7F, tokens: fuzzer.tokens.map { String(decoding: $0, as: UTF8.self) })
        let ran = try fuzzer.run(seeds: seeds) { input in
            try Data(input).write(to: footer)
            try Data(second.mutate(input)).write(to: extra)
            do throws(DiagnosticError) { _ = try Theme.load(from: theme, displayPath: "theme") } catch { Self.expectLocated(error, input) }
        }
        #expect(ran > 50, "only \(ran) inputs in the time given")
    }
}
