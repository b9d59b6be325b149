import Foundation
import GongkaiBuild
import GongkaiCore
import Testing

@Suite struct LocalizationTests {
    @Test func coreCatalogueHasBothLanguages() {
        #expect(CatalogueAudit.problems(in: CoreText.self) == [])
    }

    @Test func auditFindsAPlaceholderInOneLanguageOnly() {
        #expect(CatalogueAudit.problems(in: BrokenCatalogue.self) == [
            "broken.onlyEnglish: {path} only in English",
            "broken.missingChinese: the Chinese text has no Chinese",
        ])
    }

    @Test func localeDecidesTheLanguage() {
        #expect(Language.resolve(environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(Language.resolve(environment: ["LANG": "en_US.UTF-8"]) == .english)
        #expect(Language.resolve(environment: [:]) == .english)
        #expect(Language.resolve(environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "C"]) == .english)
        #expect(Language.resolve(environment: ["LANG": "C", "LC_MESSAGES": "zh_TW.UTF-8"]) == .chinese)
        #expect(Language.resolve(environment: ["LANG": "zh_CN.UTF-8", "GONGKAI_LANG": "en"]) == .english)
        #expect(Language.resolve(environment: ["LANG": "en_US.UTF-8"], arguments: ["gongkai", "--lang", "zh", "build"]) == .chinese)
        #expect(Language.resolve(environment: ["GONGKAI_LANG": "zh"], arguments: ["gongkai", "--lang=en"]) == .english)
    }

    @Test func languageArgumentIsRemovedBeforeParsing() {
        #expect(LanguageArgument.removing(from: ["build", "--lang", "zh", "-o", "out"]) == ["build", "-o", "out"])
        #expect(LanguageArgument.removing(from: ["--lang=en", "check"]) == ["check"])
        #expect(LanguageArgument.removing(from: ["render", "--", "--lang"]) == ["render", "--", "--lang"])
    }

    @Test func diagnosticLineKeepsItsMachineReadableLocation() {
        let diagnostic = Diagnostic.error(CoreText.verbatim(["text": "x"]), at: SourceLocation(path: "content/site.yaml", line: 3, column: 7))
        #expect(diagnostic.line(.chinese) == "content/site.yaml:3:7: 错误: x")
        #expect(diagnostic.line(.english) == "content/site.yaml:3:7: error: x")
        let two = [diagnostic, .warning(CoreText.verbatim(["text": "y"]), at: SourceLocation(path: "a.md", line: 1, column: 1))]
        #expect(DiagnosticPrinter.text(two, language: .chinese).hasSuffix("1 个错误，1 个警告\n"))
        #expect(DiagnosticPrinter.text(two, language: .english).hasSuffix("1 error, 1 warning\n"))
    }
}

/// A catalogue with two faults, to show the audit finds them.
private enum BrokenCatalogue: String, MessageCatalogue {
    case fine, onlyEnglish, missingChinese
    static let catalogueName = "broken"
    var texts: MessageTexts {
        switch self {
        case .fine: MessageTexts("{path} is fine", "{path} 没问题")
        case .onlyEnglish: MessageTexts("{path} is missing", "文件缺失")
        case .missingChinese: MessageTexts("untranslated", "untranslated")
        }
    }
}

/// GongkaiBuild's catalogues: parity, and a broken site's diagnostics in Chinese.
@Suite struct BuildLocalizationTests {
    @Test func buildCataloguesHaveBothLanguages() {
        #expect(CatalogueAudit.problems(in: BuildText.self) == [])
        #expect(CatalogueAudit.problems(in: WriteText.self) == [])
    }

    /// A message inside another (a reason, a clause) is shown in the language of the whole, never in English.
    @Test func aNestedMessageFollowsTheLanguageOfTheWhole() {
        let message = WriteText.notAManifest(["why": WriteText.manifestVersion(["version": 2])])
        #expect(message.text(.english) == "not a manifest gongkai wrote: its format version is 2, not 1")
        #expect(message.text(.chinese) == "不是 gongkai 写的清单：它的格式版本是 2，不是 1")
    }

    /// A whole build of a broken site: the diagnostic keeps its English text and its location, and reads in Chinese.
    @Test func aBrokenSitesDiagnosticInChinese() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/r2024/index.html", "<p>ASSET</p>\n")
        do {
            try site.build()
            Issue.record("the build did not fail")
        } catch {
            let clash = try #require(error.diagnostics.first { $0.text.key == "build.copyClash" }, "\(error)")
            #expect(clash.line(.english) == "content/r2024/index.html:1:1: error: `content/r2024/index.html` would be copied to /r2024/index.html, which is also a page of the site (content/r2024/report.yaml); rename or move the file")
            #expect(clash.line(.chinese) == "content/r2024/index.html:1:1: 错误: `content/r2024/index.html` 会被复制到 /r2024/index.html，而那里也是网站的一个页面（content/r2024/report.yaml）；请重命名或移动该文件")
        }
    }

    /// The output stage's refusal, with its advice (a message of its own) in Chinese too.
    @Test func aForeignOutputFolderIsRefusedInChinese() throws {
        let site = try SiteFixture(smallSite)
        try site.write("public/index.html", "<p>another program's page</p>\n")
        do {
            try site.build()
            Issue.record("the build did not fail")
        } catch {
            let lines = DiagnosticPrinter.text(error.diagnostics, language: .chinese)
            #expect(lines.hasPrefix("public:1:1: 错误: public/ 中有不是 gongkai 写入的文件（其中没有 manifest.json）；gongkai 只写入空文件夹或它自己生成的文件夹：请另选输出文件夹（--output），或把 public/ 移走后重新生成\n"), "\(lines)")
            #expect(error.diagnostics.first?.message == "public/ holds files that gongkai did not write (it has no manifest.json); gongkai writes only into an empty folder or one it built itself: choose another output folder (--output), or move public/ away and build again")
        }
    }
}
