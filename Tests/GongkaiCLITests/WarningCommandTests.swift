import Foundation
import Testing

/// #27 item 3 through the real binary: `build` ends with the number of warnings and the first five, and exits 0;
/// `check` prints every one of them.
@Suite struct WarningCommandTests {
    @Test func buildShowsTheCountAndTheFirstFiveAndCheckShowsThemAll() throws {
        let site = try CLI.temporaryDirectory()
        #expect(try CLI.run(["init", site.path]).status == 0)
        let built = try CLI.run(["build", "--root", site.path, "--lang", "en"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.hasPrefix("built "))
        let checked = try CLI.run(["check", "--root", site.path, "--lang", "en"])
        #expect(checked.status == 0, "\(checked.stderr)")
        let all = checked.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": warning: ") }
        #expect(all.count >= 15, "\(checked.stderr)")
        #expect(all.contains { $0.hasPrefix("content/example-2025/report.yaml:3:8: warning: the example report of `gongkai init` is still here: remove content/example-2025/ before publishing") })
        #expect(all.contains { $0.hasPrefix("content/example-2025/01.md:4:10: warning: topic `summary` is still the placeholder") })
        #expect(all.contains { $0.hasPrefix("content/site.yaml:4:8: warning: site config `title` is marked TODO") })
        // build: the count, the first five as check prints them, then how many more.
        let lines = built.stderr.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "\(all.count) warnings:"), "\(built.stderr)")
        #expect(Array(lines[(start + 1)...].prefix(5)) == Array(all.prefix(5)))
        #expect(lines.count > start + 6)
        #expect(lines[start + 6] == "… and \(all.count - 5) more: run `gongkai check` to see them all")
        #expect(lines.filter { $0.contains(": warning: ") }.count == 5)

        // In Chinese.
        let chinese = try CLI.run(["build", "--root", site.path, "--lang", "zh"])
        #expect(chinese.status == 0)
        #expect(chinese.stderr.contains("\(all.count) 个警告："), "\(chinese.stderr)")
        #expect(chinese.stderr.contains("……还有 \(all.count - 5) 个：运行 `gongkai check` 查看全部"))
    }

    @Test func aFailedBuildShowsItsErrorsThenTheWarningsInBrief() throws {
        let site = try CLI.temporaryDirectory()
        #expect(try CLI.run(["init", site.path]).status == 0)
        try Data("---\ntitle: 一、示例\n---\n见[别处](../nowhere/)。\n".utf8).write(to: site.appendingPathComponent("content/example-2025/01.md"))
        let failed = try CLI.run(["build", "--root", site.path, "--lang", "en"])
        #expect(failed.status == 1)
        let lines = failed.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("content/example-2025/01.md:4:2: error: ") == true, "\(failed.stderr)")
        let count = try #require(lines.firstIndex { $0.hasSuffix(" warnings:") }, "\(failed.stderr)")
        #expect(count == 1)
        #expect(lines.filter { $0.contains(": warning: ") }.count == 5)
        #expect(lines.last?.hasPrefix("… and ") == true)
    }

    @Test func aSiteWithoutWarningsBuildsSilently() throws {
        let site = try CLI.temporaryDirectory()
        #expect(try CLI.run(["init", site.path]).status == 0)
        // The example report removed and every TODO filled in.
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/example-2025"))
        let yamlURL = site.appendingPathComponent("content/site.yaml")
        let yaml = try String(contentsOf: yamlURL, encoding: .utf8)
        try Data(yaml.replacingOccurrences(of: ": TODO", with: ": 已填写").replacingOccurrences(of: "url: 已填写", with: "url: https://beian.mps.gov.cn/")
            .replacingOccurrences(of: "party_gov_url: 已填写", with: "party_gov_url: https://bszs.conac.cn/")
            .replacingOccurrences(of: "error_report_url: 已填写", with: "error_report_url: https://zfwzzc.www.gov.cn/").utf8).write(to: yamlURL)
        let built = try CLI.run(["build", "--root", site.path, "--lang", "en"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(!built.stderr.contains("warning"), "\(built.stderr)")
    }
}
