import Foundation
import GongkaiCore
@testable import GongkaiServe
import Testing

/// Stopping while connections keep arriving: every connection the server accepted is handled (or closed) before
/// it ends, none is dropped unrun (NIO traps on a connection dropped so: "Deinited NIOAsyncWriter without calling
/// finish()", which ends the whole test process).
@Suite struct StopTests {
    @Test func stoppingWhileConnectionsPourInEndsCleanly() async throws {
        let site = try TestSite()
        defer { site.remove() }
        for _ in 0..<8 {
            let server = try await RunningServer(site: site)
            let port = server.port
            let pouring = Locked(true)
            let accepted = Locked(0)
            // Two threads connect as fast as they can (each connection sends a request and stays open) until told to stop.
            let threads = (0..<2).map { _ in
                Thread {
                    var open: [RawConnection] = []
                    while pouring.withLock({ $0 }) {
                        guard let connection = try? RawConnection(port: port) else { break }
                        try? connection.sendRequest(target: Array("/".utf8), close: false)
                        open.append(connection)
                        accepted.withLock { $0 += 1 }
                    }
                }
            }
            threads.forEach { $0.start() }
            while accepted.withLock({ $0 }) < 50 { try await Task.sleep(for: .milliseconds(1)) }
            let start = ContinuousClock.now
            await server.stop()
            pouring.withLock { $0 = false }
            #expect(ContinuousClock.now - start < .seconds(14))
            await #expect(throws: (any Error).self) { _ = try await request(port, "/") }
        }
    }
}
