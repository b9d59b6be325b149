import Foundation
import Testing
@testable import GongkaiServe

/// Issue #31, item 4, under `serve`: a partial edited to include itself killed the running server, and an alias
/// bomb saved into front matter took its memory. Both are now build errors shown in the overlay while the last
/// good build stays served, and the server keeps answering.
@Suite(.timeLimit(.minutes(2))) struct HostileEditTests {
    @Test func aSelfIncludingPartialAndAnAliasBombAreErrorsAndTheServerStaysUp() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let events = try RawConnection(port: server.port)
        try events.sendRequest(target: Array((server.basePath + "__gongkai/events").utf8), close: false)
        _ = try await events.readHead()
        _ = await events.nextEvent()

        let footer = try site.read("theme/templates/partials/footer.mustache")
        try site.write("theme/templates/partials/footer.mustache", "{{> partials/footer}}\n" + footer)
        let cycle = await events.nextEvent(timeout: .seconds(20)) { name, _ in name == "build-error" }
        let served = try await request(server.port, "/example-2025/01/")
        try site.write("theme/templates/partials/footer.mustache", footer)
        _ = await events.nextEvent(timeout: .seconds(20)) { name, _ in name == "build-ok" }

        var bomb = "---\ntitle: 一、示例\na0: &a0 [x,x,x,x,x,x,x,x,x]\n"
        for level in 1...9 { bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n" }
        try site.write("content/example-2025/01.md", bomb + "---\n正文\n")
        let alias = await events.nextEvent(timeout: .seconds(20)) { name, _ in name == "build-error" }
        let stillServed = try await request(server.port, "/example-2025/01/")
        await server.stop()

        #expect(cycle?.data.contains("theme/templates/partials/footer.mustache:1:1") == true, "\(cycle?.data ?? "no event")")
        #expect(cycle?.data.contains("includes itself") == true)
        #expect(served.status == 200)
        #expect(alias?.data.contains("content/example-2025/01.md:4:10") == true, "\(alias?.data ?? "no event")")
        #expect(stillServed.status == 200)
    }
}
