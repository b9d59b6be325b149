import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 client over a plain socket, so that tests can send request targets no URL library would
/// (`..`, `%2f`, backslashes, NUL bytes) and read server-sent events as they arrive.
final class RawConnection: @unchecked Sendable {
    /// A parsed response.
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    /// True once the server has closed the connection (a read found its end).
    private(set) var isClosed = false

    /// Connects to 127.0.0.1:`port`.
    init(port: Int) throws {
        // The descriptor is stored only once connected: a class whose stored properties are all set runs its deinit
        // when its init throws, and closing the number twice could close a socket the server has opened since.
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Failure(description: "socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let reason = errno
            close(socketFD)
            throw Failure(description: "connect failed: errno \(reason)")
        }
        fd = socketFD
    }

    deinit { close(fd) }

    /// Sends raw bytes.
    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send failed") }
            sent += n
        }
    }

    /// Sends a request with the target exactly as given (bytes, so NUL and backslashes go through untouched).
    func sendRequest(method: String = "GET", target: [UInt8], headers: [String: String] = [:], close: Bool = true) throws {
        var head = Array("\(method) ".utf8) + target + Array(" HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8)
        for (name, value) in headers { head += Array("\(name): \(value)\r\n".utf8) }
        if close { head += Array("Connection: close\r\n".utf8) }
        head += Array("\r\n".utf8)
        try send(head)
    }

    /// Reads more bytes, waiting at most `timeout`; false on end of stream or timeout.
    func readMore(timeout: Duration) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ms = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&descriptor, 1, ms) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n == 0 { isClosed = true }
        guard n > 0 else { return false }
        buffer += chunk[..<n]
        return true
    }

    /// Reads until the server closes the connection (or `timeout` without data) and parses one response.
    func readResponseSync(timeout: Duration = .seconds(10), head: Bool = false) throws -> Response {
        while readMore(timeout: timeout) {}
        return try Self.parse(buffer, head: head)
    }

    /// Reads the response head only (the stream stays open), waiting at most `timeout`.
    func readHeadSync(timeout: Duration = .seconds(10)) throws -> Response {
        let deadline = ContinuousClock.now + timeout
        while Self.headEnd(buffer) == nil {
            guard ContinuousClock.now < deadline else { throw Failure(description: "no response head") }
            _ = readMore(timeout: .milliseconds(100))
        }
        guard let end = Self.headEnd(buffer) else { throw Failure(description: "no response head") }
        let response = try Self.parse(Array(buffer[..<end]), head: true)
        buffer.removeFirst(end)
        return response
    }

    /// Reads server-sent events until one satisfies `match` or `timeout` passes; returns (name, data) or nil.
    func nextEventSync(timeout: Duration, where match: (String, String) -> Bool) -> (name: String, data: String)? {
        let deadline = ContinuousClock.now + timeout
        while true {
            while let event = takeEvent() {
                if match(event.name, event.data) { return event }
            }
            guard ContinuousClock.now < deadline else { return nil }
            _ = readMore(timeout: .milliseconds(50))
        }
    }

    /// Takes the next complete event from the stream (skipping comments and `retry:`); the body is chunked.
    private func takeEvent() -> (name: String, data: String)? {
        let text = String(decoding: Self.dechunk(buffer), as: UTF8.self)
        let blocks = text.components(separatedBy: "\n\n").dropLast()
        while blocksSeen < blocks.count {
            let block = blocks[blocks.startIndex + blocksSeen]
            blocksSeen += 1
            var name: String?, data = ""
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
            }
            if let name { return (name, data) }
        }
        return nil
    }

    private var blocksSeen = 0

    /// The payload of a chunked body (good enough for tests: chunk-size lines removed).
    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = find(Array("\r\n".utf8), in: bytes, from: index),
                  let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self), radix: 16) else { break }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { break }
            out += bytes[start..<(start + size)]
            index = start + size + 2
        }
        return out
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    private static func headEnd(_ bytes: [UInt8]) -> Int? {
        find(Array("\r\n\r\n".utf8), in: bytes, from: 0).map { $0 + 4 }
    }

    static func parse(_ bytes: [UInt8], head: Bool) throws -> Response {
        guard let end = headEnd(bytes) else { throw Failure(description: "no response (\(bytes.count) bytes)") }
        let lines = String(decoding: bytes[..<(end - 4)], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[end...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: head ? [] : body)
    }
}

extension RawConnection {
    /// Reads until the server closes the connection and parses one response (off the cooperative pool).
    func readResponse(timeout: Duration = .seconds(10), head: Bool = false) async throws -> Response {
        try await blocking { try self.readResponseSync(timeout: timeout, head: head) }
    }

    /// Reads the response head only (off the cooperative pool).
    func readHead(timeout: Duration = .seconds(10)) async throws -> Response {
        try await blocking { try self.readHeadSync(timeout: timeout) }
    }

    /// The next server-sent event satisfying `match`, or nil after `timeout` (off the cooperative pool).
    func nextEvent(timeout: Duration = .seconds(10),
                   where match: @escaping @Sendable (String, String) -> Bool = { _, _ in true }) async -> (name: String, data: String)? {
        (try? await blocking { self.nextEventSync(timeout: timeout, where: match) }) ?? nil
    }

    /// Reads more bytes (off the cooperative pool).
    func read(timeout: Duration) async -> Bool {
        (try? await blocking { self.readMore(timeout: timeout) }) ?? false
    }
}

/// Runs blocking socket work on a thread of its own: the cooperative pool has as many threads as cores (two
/// here) and Dispatch adds workers only slowly when they block, while the server under test needs both to answer.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// One request on a fresh connection.
func request(_ port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> RawConnection.Response {
    try await request(port, Array(target.utf8), method: method, headers: headers)
}

/// One request with a byte-exact target on a fresh connection.
func request(_ port: Int, _ target: [UInt8], method: String = "GET", headers: [String: String] = [:]) async throws -> RawConnection.Response {
    try await blocking {
        let connection = try RawConnection(port: port)
        try connection.sendRequest(method: method, target: target, headers: headers)
        return try connection.readResponseSync(head: method == "HEAD")
    }
}
