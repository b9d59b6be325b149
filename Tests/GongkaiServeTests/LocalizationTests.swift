import GongkaiCore
@testable import GongkaiServe
import Testing

/// Issue #27: serve's messages and the browser overlay are in the serve process's language.
@Suite struct ServeLocalizationTests {
    @Test func everyServeMessageHasBothLanguages() {
        #expect(CatalogueAudit.problems(in: ServeText.self) == [])
    }

    @Test func aPortInUseIsExplainedInChinese() {
        let error = ServeError.portInUse(host: "127.0.0.1", port: 1313)
        #expect("\(error)" == "port 1313 on 127.0.0.1 is already in use; stop the other server or choose another port with --port")
        #expect(error.text(.chinese) == "127.0.0.1 的端口 1313 已被占用；请关掉另一个服务，或用 --port 换一个端口")
    }

    @Test func theOverlayEventCarriesChineseWords() {
        let diagnostic = Diagnostic.error(ServeText.stopped.message, at: SourceLocation(path: "content/a.md", line: 3, column: 7))
        let chinese = ReloadEvent.buildError([diagnostic]).serverSentEvent(.chinese)
        #expect(chinese.contains("\"severity\":\"错误\""), "\(chinese)")
        #expect(chinese.contains("\"message\":\"已停止\""))
        #expect(chinese.contains("\"title\":\"构建失败 — 仍显示上次成功构建的页面；修改后保存即可恢复。\""))
        #expect(chinese.contains("\"close\":\"关闭\"") && chinese.contains("\"language\":\"zh\""))
        let english = ReloadEvent.buildError([diagnostic]).serverSentEvent
        #expect(english.contains("\"severity\":\"error\"") && english.contains("\"message\":\"stopped\"") && english.contains("\"close\":\"Close\""))
        // The script shows the event's words, not a banner of its own.
        #expect(LiveReloadScript.source.contains("title.textContent = data.title"))
        #expect(!LiveReloadScript.source.contains("构建失败"))
    }
}
