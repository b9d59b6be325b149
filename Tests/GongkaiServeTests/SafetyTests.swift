import Foundation
import GongkaiBuild
import GongkaiCore
import Testing
@testable import GongkaiServe

/// Nothing outside the built site is ever served, however the path is written.
@Suite struct SafetyTests {
    /// Request targets an attacker might send, byte for byte.
    static let textAttacks: [String] = [
        "/../secret.txt", "/../../../../etc/passwd", "/example-2025/../../secret.txt", "/assets/../../secret.txt",
        "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd", "/.%2e/secret.txt", "/%2e./secret.txt",
        "/example-2025/%2e%2e/%2e%2e/secret.txt", "/./index.html",
        "/..%2fsecret.txt", "/example-2025%2f..%2f..%2fsecret.txt", "/%2Fetc%2Fpasswd", "/%2f%2e%2e%2fsecret.txt",
        "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/%25%32%65%25%32%65/secret.txt",
        "/..\\secret.txt", "/example-2025\\..\\..\\secret.txt", "/%5c..%5csecret.txt", "/..%5c..%5csecret.txt",
        "/index.html%00", "/index.html%00.txt", "/%00/../secret.txt",
        "/%c0%ae%c0%ae/secret.txt", "/%e0%80%ae%e0%80%ae/secret.txt", "/%ff/secret.txt", "/%zz/secret.txt", "/%2",
        "//etc/passwd", "/etc/passwd", "/example-2025/leak.txt", "/example-2025/passwd.txt", "/secret.txt",
        "/example-2025/", "/assets/", "/example-2025/01.md", "/content/site.yaml",
    ]

    /// Every attack as bytes, with raw NUL bytes and backslashes added.
    static var attacks: [[UInt8]] {
        var all = textAttacks.map { Array($0.utf8) }
        all.append(Array("/index.html".utf8) + [0] + Array(".txt".utf8))
        all.append(Array("/".utf8) + [0])
        all.append(Array("/..".utf8) + [0x5C] + Array("..".utf8) + [0x5C] + Array("secret.txt".utf8))
        return all
    }

    @Test func traversalAndOddPathsNeverServeWhatIsOutside() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        var results: [(String, Int, String)] = []
        for target in Self.attacks {
            let shown = String(decoding: target, as: UTF8.self).replacingOccurrences(of: "\0", with: "\\0")
            do {
                let response = try await request(server.port, target)
                results.append((shown, response.status, response.text))
            } catch {
                results.append((shown, 0, "connection closed: \(error)"))
            }
        }
        let alive = try await request(server.port, "/example-2025/01/")
        await server.stop()
        for (target, status, body) in results {
            // Folder listings are never produced: a folder without index.html is a 404 like anything else.
            let allowed: Set<Int> = target == "/example-2025/" ? [200] : [400, 404]
            #expect(allowed.contains(status), "\(target) → \(status)")
            #expect(!body.contains("TOP-SECRET"), "\(target) leaked the secret")
            #expect(!body.contains("root:x:0:0"), "\(target) leaked /etc/passwd")
        }
        #expect(alive.status == 200)
    }

    @Test func encodedDotSegmentsAreBadRequests() async throws {
        let site = try TestSite()
        let server = try await RunningServer(site: site)
        defer { site.remove() }
        let dots = try await request(server.port, "/%2e%2e/secret.txt")
        let slash = try await request(server.port, "/..%2fsecret.txt")
        let double = try await request(server.port, "/%252e%252e/secret.txt")
        let backslash = try await request(server.port, "/%5c..%5csecret.txt")
        let nul = try await request(server.port, "/index.html%00.txt")
        await server.stop()
        for response in [dots, slash, double, backslash, nul] {
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
        }
    }

    @Test func symlinksOutOfTheSiteAreNotServed() throws {
        let site = try TestSite(outsideLinks: true)
        defer { site.remove() }
        // The build refuses them outright …
        #expect(throws: GongkaiCore.DiagnosticError.self) { try SiteBuilder(root: site.root).build() }
        // … and the server's own guard would not serve them either.
        let guardrail = SymlinkGuard(root: site.root)
        #expect(guardrail.leadsOutside(outputPath: "example-2025/leak.txt"))
        #expect(guardrail.leadsOutside(outputPath: "example-2025/passwd.txt"))
        #expect(!guardrail.leadsOutside(outputPath: "example-2025/图表.svg"))
        #expect(!guardrail.leadsOutside(outputPath: "assets/site.css"))
    }

    @Test(arguments: [
        ("/a/b", "/a/b"), ("/%E5%9B%BE%E8%A1%A8.svg", "/图表.svg"), ("/a%20b/", "/a b/"), ("/a?x=%2f", "/a"),
        ("http://example.com/x/", "/x/"), ("/a#frag", "/a"),
    ])
    func targetsThatDecode(raw: String, path: String) throws {
        #expect(try RequestTarget(raw: raw).path == path)
    }

    @Test(arguments: ["/..", "/a/../b", "/%2e%2E", "/a%2fb", "/a%5Cb", "/a\\b", "/%2541", "/%00", "/%0a", "/%c0%af", "/%", "/%4", "/%g0", "x/y", "*"])
    func targetsThatAreRefused(raw: String) {
        #expect(throws: RequestTarget.Refusal.self) { try RequestTarget(raw: raw) }
    }

    @Test func ifNoneMatchComparison() {
        #expect(PreviewResponder.matches("\"abc\"", "\"abc\""))
        #expect(PreviewResponder.matches("W/\"abc\"", "\"abc\""))
        #expect(PreviewResponder.matches("\"x\", \"abc\"", "\"abc\""))
        #expect(PreviewResponder.matches("*", "\"abc\""))
        #expect(!PreviewResponder.matches("\"abd\"", "\"abc\""))
    }

    @Test func scriptGoesBeforeTheLastBodyEndTag() {
        let script = LiveReloadScript(basePath: "/x/")
        let html = Array("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        let out = String(decoding: script.inject(into: html, pageURL: "/x/a\"b/"), as: UTF8.self)
        #expect(out.hasPrefix("<html><body><p>&lt;/body&gt;</p><script src=\"/x/__gongkai/live.js\""))
        #expect(out.contains("data-page=\"/x/a&quot;b/\""))
        #expect(out.hasSuffix("</script>\n</BODY></html>"))
        let bare = String(decoding: script.inject(into: Array("plain".utf8), pageURL: "/x/"), as: UTF8.self)
        #expect(bare.hasPrefix("plain<script"))
    }
}
