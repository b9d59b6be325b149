import Foundation
import GongkaiBuild
import Testing
@testable import GongkaiServe
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Real HTTP requests against a started server.
@Suite struct HTTPTests {
    @Test func servesAPageWithCharsetETagAndTheLiveReloadTag() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let page = try await request(server.port, "/example-2025/01/")
        await server.stop()
        #expect(page.status == 200)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.text.contains("主要负责人履行推进法治建设第一责任人职责情况"))
        #expect(page.text.contains(#"<script src="/__gongkai/live.js" data-events="/__gongkai/events" data-page="/example-2025/01/" defer></script>"#))
        #expect(page.header("ETag")?.hasPrefix("\"") == true)
        #expect(page.header("Content-Length") == String(page.body.count))
        #expect(page.header("X-Content-Type-Options") == "nosniff")
    }

    @Test func theBuildOutputNeverCarriesTheScript() throws {
        let site = try TestSite()
        defer { site.remove() }
        let result = try SiteBuilder(root: site.root).build()
        #expect(!result.files.isEmpty)
        #expect(result.files.allSatisfy { !String(decoding: $0.bytes, as: UTF8.self).contains("__gongkai") })
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public").path))
    }

    @Test func homeAssetsAndScript() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let home = try await request(server.port, "/")
        let css = try await request(server.port, "/assets/site.css")
        let script = try await request(server.port, "/__gongkai/live.js")
        let manifest = try await request(server.port, "/manifest.json")
        await server.stop()
        #expect(home.status == 200)
        #expect(home.text.contains("</body>"))
        #expect(css.status == 200)
        #expect(css.header("Content-Type") == "text/css; charset=utf-8")
        #expect(script.status == 200)
        #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(script.text.contains("EventSource"))
        #expect(manifest.header("Content-Type") == "application/json; charset=utf-8")
    }

    @Test func percentEncodedChinesePath() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let raw = try await request(server.port, "/example-2025/%E5%9B%BE%E8%A1%A8.svg")
        let lower = try await request(server.port, "/example-2025/%e5%9b%be%e8%a1%a8.svg")
        // A real client library, which encodes the path itself.
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/example-2025/%E5%9B%BE%E8%A1%A8.svg"))
        let (data, response) = try await URLSession.shared.data(from: url)
        await server.stop()
        #expect(raw.status == 200)
        #expect(raw.header("Content-Type") == "image/svg+xml; charset=utf-8")
        #expect(raw.text == TestSite.chart)
        #expect(lower.status == 200)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self) == TestSite.chart)
    }

    @Test func notFoundIsTheSitesOwnPageWithStatus404() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let missing = try await request(server.port, "/no-such-report/")
        let missingFile = try await request(server.port, "/example-2025/nothing.pdf")
        let head = try await request(server.port, "/no-such-report/", method: "HEAD")
        await server.stop()
        #expect(missing.status == 404)
        #expect(missing.header("Content-Type") == "text/html; charset=utf-8")
        #expect(missing.text.contains("页面未找到"))
        #expect(missing.text.contains("__gongkai/live.js"))
        #expect(missingFile.status == 404)
        #expect(missingFile.text.contains("页面未找到"))
        #expect(head.status == 404)
        #expect(head.body.isEmpty)
    }

    @Test func headHasTheHeadersOfGetAndNoBody() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let get = try await request(server.port, "/example-2025/01/")
        let connection = try RawConnection(port: server.port)
        try connection.sendRequest(method: "HEAD", target: Array("/example-2025/01/".utf8))
        let head = try await connection.readResponse(head: false)
        await server.stop()
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("Content-Length") == String(get.body.count))
        #expect(head.header("ETag") == get.header("ETag"))
        #expect(head.header("Content-Type") == "text/html; charset=utf-8")
    }

    @Test func ifNoneMatchGives304() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let first = try await request(server.port, "/assets/site.css")
        let etag = try #require(first.header("ETag"))
        let again = try await request(server.port, "/assets/site.css", headers: ["If-None-Match": etag])
        let listed = try await request(server.port, "/assets/site.css", headers: ["If-None-Match": "\"other\", W/\(etag)"])
        let other = try await request(server.port, "/assets/site.css", headers: ["If-None-Match": "\"something-else\""])
        let page = try await request(server.port, "/example-2025/01/")
        let pageAgain = try await request(server.port, "/example-2025/01/", headers: ["If-None-Match": page.header("ETag") ?? ""])
        await server.stop()
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(again.header("ETag") == etag)
        #expect(listed.status == 304)
        #expect(other.status == 200)
        #expect(other.body == first.body)
        #expect(pageAgain.status == 304)
    }

    @Test func foldersRedirectToTheTrailingSlash() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let bare = try await request(server.port, "/example-2025/01")
        let query = try await request(server.port, "/example-2025?from=menu")
        let index = try await request(server.port, "/example-2025/01/index.html")
        await server.stop()
        #expect(bare.status == 301)
        #expect(bare.header("Location") == "/example-2025/01/")
        #expect(query.status == 301)
        #expect(query.header("Location") == "/example-2025/?from=menu")
        #expect(index.status == 200)
    }

    @Test func onlyGetAndHead() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        var statuses: [String: Int] = [:]
        var allow: String?
        for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
            let response = try await request(server.port, "/", method: method)
            statuses[method] = response.status
            allow = response.header("Allow")
        }
        await server.stop()
        #expect(statuses.values.allSatisfy { $0 == 405 })
        #expect(allow == "GET, HEAD")
    }

    @Test func subPathSiteIsPreviewedUnderItsSubPath() async throws {
        let site = try TestSite(basePath: "/fzzfjs/")
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let page = try await request(server.port, "/fzzfjs/example-2025/01/")
        let home = try await request(server.port, "/fzzfjs/")
        let root = try await request(server.port, "/")
        let bareBase = try await request(server.port, "/fzzfjs")
        let outside = try await request(server.port, "/example-2025/01/")
        let svg = try await request(server.port, "/fzzfjs/example-2025/%E5%9B%BE%E8%A1%A8.svg")
        let events = try RawConnection(port: server.port)
        try events.sendRequest(target: Array("/fzzfjs/__gongkai/events".utf8), close: false)
        let eventsHead = try await events.readHead()
        let first = await events.nextEvent()
        await server.stop()
        #expect(server.basePath == "/fzzfjs/")
        #expect(page.status == 200)
        #expect(page.text.contains(#"data-events="/fzzfjs/__gongkai/events" data-page="/fzzfjs/example-2025/01/""#))
        #expect(home.status == 200)
        #expect(root.status == 301)
        #expect(root.header("Location") == "/fzzfjs/")
        #expect(bareBase.status == 301)
        #expect(bareBase.header("Location") == "/fzzfjs/")
        #expect(outside.status == 404)
        #expect(outside.text.contains("/fzzfjs/"))
        #expect(svg.status == 200)
        #expect(eventsHead.status == 200)
        #expect(first?.name == "build-ok")
    }

    @Test func manyConcurrentRequests() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let port = server.port
        let statuses = await withTaskGroup(of: Int.self) { group in
            for index in 0..<100 {
                group.addTask {
                    let target = index % 2 == 0 ? "/example-2025/01/" : "/assets/site.css"
                    return (try? await request(port, target).status) ?? -1
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        await server.stop()
        #expect(statuses.count == 100)
        #expect(statuses.allSatisfy { $0 == 200 })
    }

    @Test func aClientThatDisconnectsMidResponseDisturbsNoOne() async throws {
        let site = try TestSite()
        // A large page, so the response is still being written when the client goes.
        let big = String(repeating: "这是很长的一段测试文字，用来让页面变大。\n\n", count: 40_000)
        try site.write("content/example-2025/01.md", try site.read("content/example-2025/01.md") + big)
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        for _ in 0..<20 {
            let rude = try RawConnection(port: server.port)
            try rude.sendRequest(target: Array("/example-2025/01/".utf8))
            _ = await rude.read(timeout: .seconds(2))
        }
        let events = try RawConnection(port: server.port)
        try events.sendRequest(target: Array("/__gongkai/events".utf8), close: false)
        _ = try await events.readHead()
        _ = await events.nextEvent()
        let after = try await request(server.port, "/example-2025/01/")
        let small = try await request(server.port, "/assets/site.css")
        await server.stop()
        #expect(after.status == 200)
        #expect(after.body.count > 1_000_000)
        #expect(small.status == 200)
    }

    @Test func aPortInUseIsAClearError() async throws {
        let site = try TestSite()
        let first = try await RunningServer(site: site)
        defer { site.remove() }
        let second = PreviewServer(root: site.root, options: ServeOptions(port: first.port, handleSignals: false))
        var thrown: (any Error)?
        do {
            try await second.run()
        } catch {
            thrown = error
        }
        await first.stop()
        let error = try #require(thrown as? ServeError)
        #expect("\(error)" == "port \(first.port) on 127.0.0.1 is already in use; stop the other server or choose another port with --port")
    }

    @Test func stopsPromptlyWithAnOpenEventStream() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let events = try RawConnection(port: server.port)
        try events.sendRequest(target: Array("/__gongkai/events".utf8), close: false)
        _ = try await events.readHead()
        #expect(await events.nextEvent()?.name == "build-ok")
        let start = ContinuousClock.now
        await server.stop()
        // Promptly: well before the live-reload heartbeat (15 s) or the idle timeout (30 s) could end the stream. Alone
        // it stops in about 0.1 s; in `swift test`, beside the CPU-bound fuzz tests on two cores, it took up to 8 s.
        #expect(ContinuousClock.now - start < .seconds(14))
        await #expect(throws: (any Error).self) { _ = try await request(server.port, "/") }
    }
}
