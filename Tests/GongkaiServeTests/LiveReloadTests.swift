import Foundation
import Testing
import GongkaiCore
@testable import GongkaiServe

/// Edits on disk reach open tabs: a reload event for the changed page, an error overlay event for a broken file
/// while the last good build stays served, and recovery once it is fixed — no restart.
@Suite struct LiveReloadTests {
    /// Opens the event stream and reads the first (state) event.
    private func listen(_ server: RunningServer) async throws -> (RawConnection, String?) {
        let events = try RawConnection(port: server.port)
        try events.sendRequest(target: Array((server.basePath + "__gongkai/events").utf8), close: false)
        let head = try await events.readHead()
        guard head.status == 200, head.header("Content-Type") == "text/event-stream; charset=utf-8" else {
            throw RawConnection.Failure(description: "events: \(head.status) \(head.headers)")
        }
        return (events, await events.nextEvent()?.name)
    }

    private func editChangesThePageAndReloads(polling: Bool) async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site, polling: polling)
        defer { site.remove() }
        let (events, first) = try await listen(server)
        let before = try await request(server.port, "/example-2025/01/")
        let text = try site.read("content/example-2025/01.md").replacingOccurrences(of: "示例段落。", with: "修改后的段落，已经保存。")
        try site.write("content/example-2025/01.md", text)
        let reload = await events.nextEvent(timeout: .seconds(10)) { name, _ in name == "reload" }
        let after = try await request(server.port, "/example-2025/01/")
        let unchanged = try await request(server.port, "/assets/site.css", headers: ["If-None-Match": before.header("ETag") ?? ""])
        await server.stop()
        #expect(first == "build-ok")
        #expect(before.text.contains("示例段落。"))
        let data = try #require(reload?.data)
        #expect(data.contains("\"/example-2025/01/\""))
        #expect(data.contains("\"all\":false"))
        #expect(!data.contains("/assets/site.css"))
        #expect(after.text.contains("修改后的段落，已经保存。"))
        #expect(after.header("ETag") != before.header("ETag"))
        #expect(unchanged.status == 200)
    }

    @Test func anEditChangesTheServedPageAndSendsReload() async throws {
        try await editChangesThePageAndReloads(polling: false)
    }

    @Test func pollingNoticesEditsToo() async throws {
        try await editChangesThePageAndReloads(polling: true)
    }

    @Test func aThemeChangeReloadsEveryPage() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let (events, _) = try await listen(server)
        try site.write("theme/assets/site.css", try site.read("theme/assets/site.css") + "\n.gongkai-test { color: red; }\n")
        let reload = await events.nextEvent(timeout: .seconds(10)) { name, _ in name == "reload" }
        let css = try await request(server.port, "/assets/site.css")
        await server.stop()
        #expect(reload?.data.contains("/assets/site.css") == true)
        #expect(css.text.contains(".gongkai-test"))
    }

    @Test func aBrokenFileShowsAnErrorWhileTheLastGoodBuildIsServedAndTheFixClearsIt() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let (events, _) = try await listen(server)
        let good = try site.read("content/example-2025/01.md")
        try site.write("content/example-2025/01.md", good.replacingOccurrences(of: "order: 1", with: "order: [1"))
        let failure = await events.nextEvent(timeout: .seconds(10)) { name, _ in name == "build-error" }
        let stillServed = try await request(server.port, "/example-2025/01/")
        // A tab opened now learns of the error at once.
        let (lateTab, lateFirst) = try await listen(server)
        _ = lateTab

        try site.write("content/example-2025/01.md", good.replacingOccurrences(of: "示例段落。", with: "改好了。"))
        let ok = await events.nextEvent(timeout: .seconds(10)) { name, _ in name == "build-ok" }
        let reload = await events.nextEvent(timeout: .seconds(10)) { name, _ in name == "reload" }
        let fixed = try await request(server.port, "/example-2025/01/")
        await server.stop()

        let data = try #require(failure?.data)
        let pattern = try Regex(#""location":"content/example-2025/01\.md:\d+:\d+""#)
        #expect(data.contains(pattern), "\(data)")
        #expect(stillServed.status == 200)
        #expect(stillServed.text.contains("示例段落。"))
        #expect(lateFirst == "build-error")
        #expect(ok != nil)
        #expect(reload?.data.contains("/example-2025/01/") == true)
        #expect(fixed.text.contains("改好了。"))
    }

    @Test func revertingABrokenFileClearsTheErrorWithoutAReload() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let (events, _) = try await listen(server)
        let good = try site.read("content/example-2025/01.md")
        try site.write("content/example-2025/01.md", good.replacingOccurrences(of: "title: ", with: "titel: "))
        let failure = await events.nextEvent(timeout: .seconds(10)) { name, _ in name == "build-error" }
        try site.write("content/example-2025/01.md", good)
        let ok = await events.nextEvent(timeout: .seconds(10)) { name, _ in name == "build-ok" }
        let reload = await events.nextEvent(timeout: .milliseconds(600)) { name, _ in name == "reload" }
        await server.stop()
        #expect(failure?.data.contains("content/example-2025/01.md:") == true)
        #expect(ok != nil)
        #expect(reload == nil)
    }

    @Test func aSiteThatDoesNotBuildYetShowsTheErrorsAndRecovers() async throws {
        let site = try TestSite()
        let good = try site.read("content/example-2025/01.md")
        try site.write("content/example-2025/01.md", good.replacingOccurrences(of: "order: 1", with: "order: [1"))
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let broken = try await request(server.port, "/example-2025/01/")
        let (events, first) = try await listen(server)
        try site.write("content/example-2025/01.md", good)
        let reload = await events.nextEvent(timeout: .seconds(10)) { name, _ in name == "reload" }
        let page = try await request(server.port, "/example-2025/01/")
        await server.stop()
        #expect(broken.status == 500)
        #expect(broken.text.contains("content/example-2025/01.md:"))
        #expect(broken.text.contains("__gongkai/live.js"))
        #expect(first == "build-error")
        #expect(reload?.data.contains("\"all\":true") == true)
        #expect(page.status == 200)
    }

    /// Issue #27: the page and the overlay of a Chinese serve process are Chinese, diagnostics in `路径:行:列: 错误:` form.
    @Test func aChineseServeShowsItsFailurePageAndOverlayInChinese() async throws {
        let site = try TestSite()
        let good = try site.read("content/example-2025/01.md")
        try site.write("content/example-2025/01.md", good.replacingOccurrences(of: "order: 1", with: "order: [1"))
        let server = try await RunningServer(site: site, language: .chinese)
        defer { site.remove() }
        let broken = try await request(server.port, "/example-2025/01/")
        let (events, first) = try await listen(server)
        try site.write("content/example-2025/02.md", "---\ntitle: [坏\n---\n")
        let failure = await events.nextEvent(timeout: .seconds(10)) { name, _ in name == "build-error" }
        await server.stop()
        #expect(broken.status == 500)
        #expect(broken.text.contains("<title>构建失败</title>") && broken.text.contains("网站还没有构建成功"), "\(broken.text)")
        #expect(broken.text.contains("content/example-2025/01.md:") && broken.text.contains(": 错误: "), "\(broken.text)")
        #expect(!broken.text.contains("Build failed"))
        #expect(first == "build-error")
        let data = try #require(failure?.data)
        #expect(data.contains("\"severity\":\"错误\"") && data.contains("\"title\":\"构建失败"), "\(data)")
    }

    @Test func eventsAreWellFormed() {
        #expect(ReloadEvent.reload(paths: ["/a/"], all: false).serverSentEvent == "event: reload\ndata: {\"all\":false,\"paths\":[\"/a/\"]}\n\n")
        #expect(ReloadEvent.buildOK.serverSentEvent == "event: build-ok\ndata: {}\n\n")
        let error = ReloadEvent.buildError([.error(CoreText.verbatim(["text": "bad \"x\"\nnext <b>"]), at: .init(path: "content/a.md", line: 3, column: 7))]).serverSentEvent
        #expect(error.hasPrefix("event: build-error\ndata: {"))
        #expect(error.hasSuffix("}\n\n"))
        #expect(error.dropLast(2).split(separator: "\n").count == 2)
        #expect(error.contains("content/a.md:3:7"))
    }
}
