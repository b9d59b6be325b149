import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// Each usual slip in site.yaml, report.yaml and front matter gives its hint at its own line and column (#27 item 2),
/// and dates are read in both forms (item 5).
@Suite struct YAMLSlipTests {
    /// The diagnostics `body` throws (none when it does not throw).
    private func thrown(_ body: () throws(DiagnosticError) -> Void) -> [Diagnostic] {
        do {
            try body()
            return []
        } catch {
            return error.diagnostics
        }
    }

    private func siteYAML(_ text: String) -> [Diagnostic] {
        thrown { () throws(DiagnosticError) in _ = try YAMLReader.parse(text, path: "content/site.yaml") }
    }

    private func frontMatter(_ text: String) -> [Diagnostic] {
        thrown { () throws(DiagnosticError) in _ = try FrontMatterDocument.parse(SourceFile(path: "content/r/01.md", text: text)) }
    }

    /// `path:line:col: message` of each diagnostic.
    private func lines(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map { "\($0.location): \($0.message)" } }

    // MARK: full-width colon

    @Test func fullWidthColonInSiteYAML() {
        let text = "title: 测试网站\nbase_url: /\norganisation: 测试市人民政府\ndescription：\"年度报告\"\nkeywords: 法治\n"
        let d = siteYAML(text)
        #expect(lines(d) == ["content/site.yaml:4:12: full-width colon `：` after `description`: YAML needs the ASCII colon `:` and a space, `description: …`"])
        #expect(d.first?.line(.chinese) == "content/site.yaml:4:12: 错误: `description` 后面是全角冒号“：”：请改为英文冒号 `:`，后面加一个空格，写成 `description: …`")
    }

    @Test func fullWidthColonAloneMakesNoMapping() {
        // One line: YAML reads `title：项城市` as a single text; the hint, not "must be a mapping".
        #expect(lines(siteYAML("title：项城市\n")) == ["content/site.yaml:1:6: full-width colon `：` after `title`: YAML needs the ASCII colon `:` and a space, `title: …`"])
    }

    @Test func fullWidthColonInFrontMatter() {
        let d = frontMatter("---\ntitle：一、主要举措\norder: 2\n---\n正文\n")
        #expect(lines(d) == ["content/r/01.md:2:6: full-width colon `：` after `title`: YAML needs the ASCII colon `:` and a space, `title: …`"])
    }

    @Test func aFullWidthColonInAValueIsKept() throws {
        let value = try YAMLReader.parse("title: 时间：2024年\nsummary: 注：无\n", path: "content/site.yaml")
        #expect(value["title"]?.string == "时间：2024年")
        #expect(value["summary"]?.string == "注：无")
    }

    // MARK: other full-width marks and spaces

    @Test func fullWidthMarksInAFlowList() {
        let d = siteYAML("title: 测试\nkeywords: [法治，政府、报告］\n")
        #expect(lines(d) == [
            "content/site.yaml:2:14: full-width `，` where YAML needs the ASCII `,`: change it to `,`",
            "content/site.yaml:2:17: full-width `、` where YAML needs the ASCII `,`: change it to `,`",
            "content/site.yaml:2:20: full-width `］` where YAML needs the ASCII `]`: change it to `]`",
        ])
    }

    @Test func ideographicSpaceAsIndentation() {
        // Valid YAML (the key is `　　copyright`, one level too high): a warning at the space, and the site builds.
        var diagnostics: [Diagnostic] = []
        let yaml = try? YAMLReader.parse("title: 测试\nfooter:\n　　copyright: 测试市\n", path: "content/site.yaml")
        _ = yaml.map { SiteConfigReader.parse($0, diagnostics: &diagnostics) }
        #expect(lines(diagnostics) == ["content/site.yaml:3:1: full-width space (U+3000) before `copyright`: indent with ordinary spaces only"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func ideographicSpaceAsIndentationInAList() {
        let d = siteYAML("title: 测试\nmenu:\n  - title: 首页\n  　url: /\n")
        #expect(lines(d) == ["content/site.yaml:4:3: full-width space (U+3000) before `url`: indent with ordinary spaces only"])
    }

    @Test func ideographicSpaceAfterColon() {
        let d = siteYAML("title:　测试\nbase_url: /\n")
        #expect(lines(d) == ["content/site.yaml:1:7: a full-width space (U+3000) after `title:`: YAML needs an ordinary space there"])
    }

    // MARK: Tab

    @Test func tabIndentationInSiteYAML() {
        let d = siteYAML("title: 测试\nmenu:\n\t- title: 首页\n\t  url: /\n")
        #expect(lines(d).first == "content/site.yaml:3:1: a Tab is used for indentation, and YAML allows only spaces: replace the Tab with spaces")
        #expect(d.first?.line(.chinese).hasSuffix("错误: 缩进用了 Tab 键，YAML 只允许空格缩进：请把 Tab 换成空格") == true)
    }

    @Test func tabIndentationInFrontMatter() {
        let d = frontMatter("---\ntitle: 一\nsummary:\n\t概述\n---\n正文\n")
        #expect(lines(d) == ["content/r/01.md:4:1: a Tab is used for indentation, and YAML allows only spaces: replace the Tab with spaces"])
    }

    // MARK: missing space after the colon

    @Test func missingSpaceAfterColonAlone() {
        #expect(lines(siteYAML("title:项城市\n")) == ["content/site.yaml:1:6: no space after the colon of `title:`: YAML reads `title:项城市` as one text; write `title: 项城市`"])
    }

    @Test func missingSpaceAfterColonInAMapping() {
        let d = siteYAML("title: 测试\nbase_url:/fzzfjs/\norganisation: 测试市\n")
        #expect(lines(d) == ["content/site.yaml:2:9: no space after the colon of `base_url:`: YAML reads `base_url:/fzzfjs/` as one text; write `base_url: /fzzfjs/`"])
    }

    // MARK: quotes

    @Test func unclosedQuoteIsReportedWhereItOpens() {
        let d = siteYAML("title: \"测试网站\nbase_url: /\norganisation: 测试市\ndescription: 年度报告\n")
        #expect(lines(d) == ["content/site.yaml:1:8: the quote `\"` opened here is never closed: add the closing `\"` at the end of the value"])
    }

    @Test func unclosedQuoteInFrontMatter() {
        let d = frontMatter("---\norder: 2\ntitle: '一、主要举措\n---\n正文\n")
        #expect(lines(d) == ["content/r/01.md:3:8: the quote `'` opened here is never closed: add the closing `'` at the end of the value"])
    }

    @Test func quoteClosedWithAFullWidthOne() {
        let d = siteYAML("title: \"测试网站”\nbase_url: /\n")
        #expect(lines(d) == ["content/site.yaml:1:8: the quote `\"` opened here is closed with the full-width `”`: close it with the ASCII `\"`"])
    }

    @Test func aQuotedTextOverSeveralLinesIsKept() throws {
        let value = try YAMLReader.parse("title: \"测试\n  网站\"\nbase_url: /\n", path: "content/site.yaml")
        #expect(value["title"]?.string == "测试 网站")
    }

    // MARK: front matter fences

    @Test func frontMatterNotClosed() {
        let d = frontMatter("---\ntitle: 一、主要举措\norder: 2\n\n市委主要领导带头学法16次。\n")
        #expect(lines(d) == ["content/r/01.md:1:1: front matter is not closed: add a line `---` after its last `key: value` line (line 3)"])
        #expect(d.first?.line(.chinese) == "content/r/01.md:1:1: 错误: 开头的 `---` 没有配对：请在最后一行 `键: 值`（第 3 行）后面加一行 `---`")
    }

    @Test func frontMatterNotOpened() {
        let d = frontMatter("title: 一、主要举措\norder: 2\n---\n市委主要领导带头学法16次。\n")
        #expect(lines(d) == ["content/r/01.md:1:1: front matter has no opening `---`: add a line `---` before line 1 (the `---` on line 3 closes it)"])
    }

    /// Also when bodies are left on disk (`gongkai build` reads only the front matter of each file).
    @Test func frontMatterNotOpenedInABuild() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/03.md", "title: 三、存在的不足\norder: 3\n---\n正文\n")
        let expected = "content/r2024/03.md:1:1: error: front matter has no opening `---`: add a line `---` before line 1 (the `---` on line 3 closes it)"
        #expect(site.buildErrors()?.contains(expected) == true)
        #expect(thrown { () throws(DiagnosticError) in _ = try SiteBuilder(root: site.root).write() }.map(\.description).contains(expected))
    }

    @Test func aBodyWithoutFrontMatterIsKept() throws {
        let doc = try FrontMatterDocument.parse(SourceFile(path: "content/r/_index.md", text: "2024年，测试市坚持依法行政。\n\n---\n\n下文\n"))
        #expect(doc.body.hasPrefix("2024年"))
    }

    // MARK: encoding

    @Test func aFileSavedAsGBK() {
        // `title: 测试` in GBK: 测 B2 E2, 试 CA D4.
        let bytes: [UInt8] = Array("---\ntitle: ".utf8) + [0xB2, 0xE2, 0xCA, 0xD4] + Array("\n---\n".utf8)
        let d = thrown { () throws(DiagnosticError) in _ = try SourceFile.decode(Data(bytes), displayPath: "content/r/01.md") }
        #expect(lines(d) == ["content/r/01.md:2:8: file is not valid UTF-8 (byte offset 11): it was saved as GBK/GB18030 (content/r/01.md); save it as UTF-8 (Notepad or WPS: Save As, Encoding: UTF-8)"])
        #expect(d.first?.line(.chinese).contains("看来是按 GBK/GB18030 保存的（content/r/01.md）：请另存为 UTF-8 编码") == true)
    }

    @Test func otherBytesThatAreNotUTF8() {
        let d = thrown { () throws(DiagnosticError) in _ = try SourceFile.decode(Data([0x61, 0xFF, 0x0A]), displayPath: "content/site.yaml") }
        #expect(lines(d) == ["content/site.yaml:1:2: file is not valid UTF-8 (byte offset 1); save it as UTF-8, or import it with `gongkai import`, which also reads GB18030"])
    }

    // MARK: misspelt keys

    @Test func misspeltKeyInSiteYAML() throws {
        var diagnostics: [Diagnostic] = []
        let yaml = try YAMLReader.parse("title: 测试\norganisaton: 测试市\nbase_url: /\n", path: "content/site.yaml")
        _ = SiteConfigReader.parse(yaml, diagnostics: &diagnostics)
        #expect(lines(diagnostics) == ["content/site.yaml:2:1: unknown key `organisaton`; did you mean `organisation`?"])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.line(.chinese) == "content/site.yaml:2:1: 警告: 未知的键 `organisaton`，是不是要写 `organisation`？")
    }

    @Test func misspeltKeyInReportYAML() throws {
        let site = try SiteFixture(smallSite.replacingOccurrences(of: "published: 2025-03-20", with: "publised: 2025-03-20"))
        let report = try SiteLoader(root: site.root).load()
        let warning = report.diagnostics.first { $0.message.contains("publised") }
        #expect(warning.map { "\($0.location): \($0.message)" } == "content/r2024/report.yaml:6:1: unknown key `publised`; did you mean `published`?")
        #expect(warning?.severity == .warning)
    }

    @Test func misspeltKeyInFrontMatter() throws {
        let doc = try FrontMatterDocument.parse(SourceFile(path: "content/r/01.md", text: "---\ntitle: 一\nodrer: 2\n---\n正文\n"))
        var fields = FieldReader(doc.fields)
        fields.rejectUnknown(["title", "order", "slug", "summary"])
        #expect(lines(fields.diagnostics) == ["content/r/01.md:3:1: unknown key `odrer`; did you mean `order`?"])
    }

    @Test func keyWithAFullWidthLetter() throws {
        var diagnostics: [Diagnostic] = []
        let yaml = try YAMLReader.parse("ｔitle: 测试\n", path: "content/site.yaml")
        _ = SiteConfigReader.parse(yaml, diagnostics: &diagnostics)
        #expect(lines(diagnostics).first == "content/site.yaml:1:1: unknown key `ｔitle`: it contains the full-width `ｔ`; write the key in ASCII, `title`")
    }

    @Test func unknownKeyFarFromEveryKnownOne() throws {
        let doc = try FrontMatterDocument.parse(SourceFile(path: "content/r/01.md", text: "---\ntitle: 一\nauthor: 张三\n---\n正文\n"))
        var fields = FieldReader(doc.fields)
        fields.rejectUnknown(["title", "order", "slug", "summary"])
        #expect(lines(fields.diagnostics) == ["content/r/01.md:3:1: unknown key `author` (known: order, slug, summary, title)"])
    }

    // MARK: libyaml's own words when no slip is recognised

    @Test func noSlipKeepsLibyamlsText() {
        #expect(lines(siteYAML("title: 测试\norder: [1, 2\n")) == [
            "content/site.yaml:3:1: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts at line 2, column 8",
        ])
    }

    // MARK: dates

    private func dates(_ yaml: String) throws -> (values: [String?], diagnostics: [Diagnostic]) {
        var fields = FieldReader(try YAMLReader.parse(yaml, path: "content/r/report.yaml"))
        let values = [fields.date("written"), fields.date("published")]
        return (values, fields.diagnostics)
    }

    @Test func datesInBothFormsAreEqual() throws {
        let iso = try dates("written: 2025-04-02\npublished: 2025-04-22\n")
        for chinese in ["written: 2025年4月2日\npublished: 2025年4月22日\n", "written: 2025年04月02日\npublished: \"2025年04月22日\"\n",
                        "written: ２０２５年４月２日\npublished: 2025 年 4 月 22 日\n"] {
            let read = try dates(chinese)
            #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
            #expect(read.values == iso.values)
        }
        #expect(iso.values == ["2025-04-02", "2025-04-22"])
        #expect(CalendarDate("2025年4月22日") == CalendarDate("2025-04-22"))
    }

    @Test func impossibleChineseDateIsRefusedAtItsPlace() throws {
        let read = try dates("written: 2025年2月30日\npublished: 2025年4月31日\n")
        #expect(read.values == [nil, nil])
        #expect(lines(read.diagnostics) == [
            "content/r/report.yaml:1:10: field `written` is not a real date (2025年2月 has 28 days): `2025年2月30日`",
            "content/r/report.yaml:2:12: field `published` is not a real date (2025年4月 has 30 days): `2025年4月31日`",
        ])
        #expect(read.diagnostics.first?.line(.chinese) == "content/r/report.yaml:1:10: 错误: `written` 不是真实的日期（2025年2月只有 28 天）：`2025年2月30日`")
    }

    @Test func dateInAnotherFormIsRefused() throws {
        let read = try dates("written: 2025/4/2\n")
        #expect(lines(read.diagnostics) == ["content/r/report.yaml:1:10: field `written` must be a date written YYYY-MM-DD or YYYY年M月D日, found `2025/4/2`"])
    }

    /// The site built with `published: 2025年3月20日` is byte for byte the one built with `2025-03-20`.
    @Test func aChineseDatePublishesTheSamePages() throws {
        let iso = try SiteFixture(smallSite)
        try iso.build()
        let chinese = try SiteFixture(smallSite.replacingOccurrences(of: "published: 2025-03-20", with: "published: 2025年3月20日")
            .replacingOccurrences(of: "written: 2025-02-28", with: "written: 2025年2月28日"))
        try chinese.build()
        #expect(chinese.snapshot() == iso.snapshot())
    }
}
