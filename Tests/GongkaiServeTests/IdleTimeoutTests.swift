import Foundation
import Testing
@testable import GongkaiServe

/// Issue #31, 9: `serve` had no header-read timeout. A connection that sends its request head a byte at a time, or
/// nothing, is closed once it has been idle (no request in progress) for `idleTimeout`; the live-reload stream, a
/// request in progress, stays open; an ordinary request still works.
@Suite struct IdleTimeoutTests {
    @Test func aSlowOrSilentClientIsClosedAndTheReloadStreamIsNot() async throws {
        let site = try TestSite()
        defer { site.remove() }
        // Limits generous for a loaded machine (`make test` runs every suite at once on two cores): the idle timeout
        // starts when a connection is accepted, so a stream whose request the starved server had not read yet within
        // it was closed as idle, and the waits below are deadlines, not sleeps.
        let server = try await RunningServer(site: site, idleTimeout: .seconds(3))
        let port = server.port
        // On a thread of its own (`blocking`): blocking the cooperative pool would starve the server under test.
        let outcome: (silent: Bool, trickle: Bool, stream: Bool, page: Int) = try await blocking {
            let silent = try RawConnection(port: port)
            let trickle = try RawConnection(port: port)
            try trickle.send(Array("GET /example-2025/ HTTP/1.1\r\nHo".utf8))
            let stream = try RawConnection(port: port)
            try stream.sendRequest(target: Array("/__gongkai/events".utf8), close: false)
            _ = try stream.readHeadSync(timeout: .seconds(30))
            // Both idle connections end (the server closes them) within 20 s; the stream is still open after.
            func closed(_ c: RawConnection, within limit: Duration) -> Bool {
                let deadline = ContinuousClock.now + limit
                while ContinuousClock.now < deadline {
                    if !c.readMore(timeout: .milliseconds(200)) && c.isClosed { return true }
                }
                return false
            }
            let silentClosed = closed(silent, within: .seconds(20))
            let trickleClosed = closed(trickle, within: .seconds(20))
            let streamOpen = !stream.isClosed
            let page = try RawConnection(port: port)
            try page.sendRequest(target: Array("/example-2025/".utf8))
            let response = try page.readResponseSync(timeout: .seconds(30))
            return (silentClosed, trickleClosed, streamOpen, response.status)
        }
        await server.stop()
        #expect(outcome.silent, "a connection that sends nothing is closed")
        #expect(outcome.trickle, "a connection that never finishes its request head is closed")
        #expect(outcome.stream, "the live-reload stream stays open")
        #expect(outcome.page == 200)
    }
}
