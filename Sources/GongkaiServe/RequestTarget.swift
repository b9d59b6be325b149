/// A request target checked and decoded: the path as the user meant it, or the reason it is refused.
///
/// A path is looked up in the served build's list of files (only a listed file is read, relative to the served
/// folder, without following links), so no request can reach a file outside it whatever its path; this type still
/// refuses, with 400, every form of path an honest browser never sends: `.` and `..`
/// segments (raw or encoded), encoded slashes and backslashes, raw backslashes, double encoding (`%25`), NUL and
/// other control bytes, malformed escapes and bytes that are not UTF-8.
struct RequestTarget: Sendable, Hashable {
    /// Why a target was refused.
    enum Refusal: Error, Sendable, Hashable {
        /// Not a path the server accepts at all (400).
        case badRequest(String)
    }

    /// The decoded path, always starting with `/` (`/fzzfjs/example-2025/图表.svg`).
    let path: String
    /// The path exactly as received (still percent-encoded), for redirects.
    let rawPath: String
    /// The query, without `?`, if any.
    let query: String?

    /// Parses a raw request target (`/a/b%20c/?x=1`).
    init(raw: String) throws(Refusal) {
        var target = Substring(raw)
        if let hash = target.firstIndex(of: "#") { target = target[..<hash] }
        var query: String?
        if let mark = target.firstIndex(of: "?") {
            query = String(target[target.index(after: mark)...])
            target = target[..<mark]
        }
        // Absolute form (`GET http://host/path`), allowed by HTTP/1.1: keep the path.
        for scheme in ["http://", "https://"] where target.lowercased().hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            target = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        guard target.hasPrefix("/") else { throw .badRequest("the path must start with /") }
        let raw = String(target)
        let decoded = try Self.decode(Array(raw.utf8))
        guard let path = String(validating: decoded, as: UTF8.self) else { throw .badRequest("the path is not UTF-8") }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) where segment == "." || segment == ".." {
            throw .badRequest("the path has a `\(segment)` segment")
        }
        self.path = path
        self.rawPath = raw
        self.query = query
    }

    /// Percent-decodes `bytes`, refusing what could change the meaning of the path once decoded.
    private static func decode(_ bytes: [UInt8]) throws(Refusal) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { throw .badRequest("the path has a backslash") }
            if byte < 0x20 || byte == 0x7F { throw .badRequest("the path has a control character") }
            guard byte == UInt8(ascii: "%") else {
                out.append(byte)
                index += 1
                continue
            }
            guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else {
                throw .badRequest("the path has a malformed percent escape")
            }
            let value = high << 4 | low
            switch value {
            case 0x00..<0x20, 0x7F: throw .badRequest("the path has an encoded control character")
            case UInt8(ascii: "/"): throw .badRequest("the path has an encoded slash")
            case UInt8(ascii: "\\"): throw .badRequest("the path has an encoded backslash")
            case UInt8(ascii: "%"): throw .badRequest("the path is encoded twice")
            default: out.append(value)
            }
            index += 3
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
