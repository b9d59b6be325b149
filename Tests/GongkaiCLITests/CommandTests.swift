import Foundation
import Testing

@Suite struct CommandTests {
    /// Issue #28: the version `make dist` names the package with is the one the binary prints.
    @Test func versionPrintsTheOneVersion() throws {
        let out = try CLI.run(["--version"])
        #expect(out.status == 0)
        let version = out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!version.isEmpty)
        #expect(version.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }, "a Debian version: \(version)")
    }

    @Test func renderPrintsTheBodyFragment() throws {
        let out = try CLI.run(["render"], input: "## 一、主要负责人\n\n~~删~~ www.example.com\n")
        #expect(out.status == 0)
        #expect(out.stdout == "<h2 id=\"一主要负责人\">一、主要负责人</h2>\n<p><del>删</del> <a href=\"http://www.example.com\">www.example.com</a></p>\n")
    }

    @Test func initThenBuildThenVerify() throws {
        let dir = try CLI.temporaryDirectory()
        let site = dir.appendingPathComponent("新站点")
        let initialised = try CLI.run(["init", site.path])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let built = try CLI.run(["build", "--root", site.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("built"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/example-2025/01/index.html").path))
        let verified = try CLI.run(["verify", site.appendingPathComponent("public").path, "--root", site.path])
        #expect(verified.status == 0, "\(verified.stdout)")
        try Data("changed".utf8).write(to: site.appendingPathComponent("public/index.html"))
        let tampered = try CLI.run(["verify", site.appendingPathComponent("public").path, "--root", site.path])
        #expect(tampered.status != 0)
        #expect(tampered.stderr.contains("public/index.html:1:1: error: changed since the build"), "\(tampered.stderr)")
        let again = try CLI.run(["init", site.path])
        #expect(again.status != 0)
        #expect(again.stderr.contains("error: content/ already exists") || again.stderr.contains("already exists"))
    }

    @Test func brokenFrontMatterFailsWithLocationAndKeepsPublic() throws {
        let site = try CLI.temporaryDirectory()
        #expect(try CLI.run(["init", site.path]).status == 0)
        #expect(try CLI.run(["build", "--root", site.path]).status == 0)
        let index = site.appendingPathComponent("public/example-2025/01/index.html")
        let before = try Data(contentsOf: index)
        try Data("---\ntitle: \"未闭合\n---\n正文\n".utf8).write(to: site.appendingPathComponent("content/example-2025/01.md"))
        let failed = try CLI.run(["build", "--root", site.path])
        #expect(failed.status == 1)
        // Where the quote opens, with the fix (#27 item 2; libyaml itself reports the end of the front matter).
        #expect(failed.stderr.hasPrefix("content/example-2025/01.md:2:8: error: the quote `\"` opened here is never closed"))
        #expect(try Data(contentsOf: index) == before)
    }

    @Test func checkIsStrictOnRequest() throws {
        let site = try CLI.temporaryDirectory()
        #expect(try CLI.run(["init", site.path]).status == 0)
        let lenient = try CLI.run(["check", "--root", site.path])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("warning: site config `organisation` is marked TODO"))
        let strict = try CLI.run(["check", "--root", site.path, "--strict"])
        #expect(strict.status != 0)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path), "check writes nothing")
    }
}

/// Issue #31 through the real binary: the inputs that crashed or exhausted it now give `path:line:col: error:`.
@Suite(.timeLimit(.minutes(2))) struct HostileInputCommandTests {
    @Test func aSelfIncludingPartialFailsBuildAndCheckWithTheTagAndLeavesNoFolder() throws {
        let site = try CLI.temporaryDirectory()
        #expect(try CLI.run(["init", site.path]).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()
        try Data("<footer>{{> partials/footer}}</footer>\n".utf8).write(to: site.appendingPathComponent("theme/templates/partials/footer.mustache"))
        for command in ["build", "check"] {
            let out = try CLI.run([command, "--root", site.path])
            #expect(out.status == 1, "\(command): \(out.status) \(out.stderr)")
            #expect(out.stderr.contains("theme/templates/partials/footer.mustache:1:9: error: template `partials/footer` includes itself"), "\(command): \(out.stderr)")
        }
        // The output's lock file (.public.lock, beside public/: one build at a time) is the only new entry.
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0 != ".public.lock" }.sorted() == before,
                "no public/ and no staging folder")
    }

    @Test func anAliasBombInSiteYAMLFailsQuickly() throws {
        let site = try CLI.temporaryDirectory()
        #expect(try CLI.run(["init", site.path]).status == 0)
        var bomb = "title: 测试\na0: &a0 [x,x,x,x,x,x,x,x,x]\n"
        for level in 1...9 { bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n" }
        try Data(bomb.utf8).write(to: site.appendingPathComponent("content/site.yaml"))
        for command in ["build", "check"] {
            let out = try CLI.run([command, "--root", site.path])
            #expect(out.status == 1)
            #expect(out.stderr.contains("content/site.yaml:3:10: error: YAML aliases"), "\(command): \(out.stderr)")
        }
    }

    @Test func renderOfFortyThousandLinksOnOneLineIsQuick() throws {
        let clock = ContinuousClock()
        var out: CLI.Output?
        let elapsed = try clock.measure { out = try CLI.run(["render"], input: String(repeating: "[a](b) ", count: 40_000) + "\n") }
        #expect(out?.status == 0)
        #expect(out?.stdout.components(separatedBy: "<a href=\"b\">").count == 40_001)
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }
}
