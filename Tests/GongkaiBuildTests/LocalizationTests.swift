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
