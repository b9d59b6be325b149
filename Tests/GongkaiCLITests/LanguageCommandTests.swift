import Foundation
@testable import gongkai
import GongkaiCore
import Testing

/// Issue #27 items 1 and 6 through the real binary: Chinese help, diagnostics and summaries for a Chinese locale,
/// short flags, `--version` on every command, and `init` in the current folder.
@Suite struct LanguageCommandTests {
    @Test func everyCommandLineMessageHasBothLanguages() {
        #expect(CatalogueAudit.problems(in: CLIText.self) == [])
    }

    @Test func helpIsChineseWhenAskedFor() throws {
        let zh = try CLI.run(["build", "--help"], environment: ["GONGKAI_LANG": "zh"])
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("把网站生成到 public/（构建失败时不改动它）。"), "\(zh.stdout)")
        #expect(zh.stdout.contains("网站文件夹（含 content/ 和 theme/）。"))
        let locale = try CLI.run(["import", "--help"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(locale.stdout.contains("导入一份报告") && locale.stdout.contains("每个“一、”部分成为一个专题页面；含至少 3 个"), "\(locale.stdout)")
        let option = try CLI.run(["--lang", "zh", "serve", "--help"])
        #expect(option.stdout.contains("监听的端口（0 表示自动选一个空闲端口）。"), "\(option.stdout)")
        let en = try CLI.run(["build", "--help"])
        #expect(en.stdout.contains("Build the site into public/ (left untouched when the build fails)."))
        // The global `--lang` is not an ArgumentParser option: the top-level help says how to choose the language.
        // (Help is wrapped at spaces: the lines are joined again before comparing.)
        let top = try CLI.run(["--help"], environment: ["GONGKAI_LANG": "zh"]).stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(top.contains("可在子命令前用 --lang zh 或 --lang en 指定（gongkai --lang zh build）"), "\(top)")
        let topEnglish = try CLI.run(["--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(topEnglish.contains("choose with --lang zh or --lang en before the subcommand (gongkai --lang zh build)"), "\(topEnglish)")
        #expect(!en.stdout.contains("网站文件夹"))
    }

    @Test func checkSpeaksChineseForAChineseLocale() throws {
        let site = try CLI.temporaryDirectory()
        #expect(try CLI.run(["init"], in: site).status == 0)
        try Data("---\ntitle: \"未闭合\n---\n正文\n".utf8).write(to: site.appendingPathComponent("content/example-2025/01.md"))
        try Data("---\ntitle: [未闭合\n---\n正文\n".utf8).write(to: site.appendingPathComponent("content/example-2025/02.md"))
        let zh = try CLI.run(["check"], in: site, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("content/example-2025/01.md:2:8: 错误: 这里开始的引号"), "\(zh.stderr)")
        #expect(zh.stderr.contains(" 个错误，"), "\(zh.stderr)")
        #expect(zh.stderr.range(of: #"\n[0-9]+ 个错误，[0-9]+ 个警告\n$"#, options: .regularExpression) != nil, "\(zh.stderr)")
        let en = try CLI.run(["check"], in: site)
        #expect(en.stderr.contains("content/example-2025/01.md:2:8: error: the quote"))
        #expect(en.stderr.range(of: #"\n[0-9]+ errors?, [0-9]+ warnings?\n$"#, options: .regularExpression) != nil, "\(en.stderr)")
    }

    @Test func buildAndVerifySummariesAreChinese() throws {
        let site = try CLI.temporaryDirectory()
        #expect(try CLI.run(["init"], in: site).status == 0)
        let built = try CLI.run(["build"], in: site, environment: ["LC_ALL": "zh_CN.UTF-8"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.hasPrefix("已构建 "), "\(built.stdout)")
        let verified = try CLI.run(["verify", "public"], in: site, environment: ["GONGKAI_LANG": "zh"])
        #expect(verified.stderr.contains("public/manifest.json:1:1: 警告: 这是把文件夹与它自带的清单比对"), "\(verified.stderr)")
        #expect(verified.stdout.contains("public：全部 "), "\(verified.stdout)")
    }

    @Test func shortFlagsNameTheLongOptions() throws {
        let dir = try CLI.temporaryDirectory()
        let site = dir.appendingPathComponent("站点")
        #expect(try CLI.run(["init", site.path]).status == 0)
        let out = dir.appendingPathComponent("out")
        let built = try CLI.run(["build", "-r", site.path, "-o", out.path, "-b", "https://www.example.gov.cn/fzzfjs/"])
        #expect(built.status == 0, "\(built.stderr)")
        let sitemap = try String(contentsOf: out.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("https://www.example.gov.cn/fzzfjs/"), "\(sitemap)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path), "-o wrote elsewhere")
        let checked = try CLI.run(["check", "-r", site.path, "-b", "https://www.example.gov.cn/fzzfjs/"])
        #expect(checked.status == 0, "\(checked.stderr)")
        // -p is read as --port: an out-of-range port is refused by serve's own validation, before it listens.
        let serve = try CLI.run(["serve", "-r", site.path, "-p", "70000"])
        #expect(serve.status != 0)
        #expect(serve.stderr.contains("--port must be between 0 and 65535"), "\(serve.stderr)")
        let serveOutput = try CLI.run(["serve", "-r", site.path, "-o", out.path])
        #expect(serveOutput.stderr.contains("--output needs --write"), "\(serveOutput.stderr)")
    }

    @Test func versionWorksOnEveryCommand() throws {
        let top = try CLI.run(["--version"]).stdout
        for command in ["build", "check", "init", "import", "render", "serve", "verify"] {
            let out = try CLI.run([command, "--version"])
            #expect(out.status == 0, "\(command): \(out.stderr)")
            #expect(out.stdout == top, "\(command)")
        }
    }

    @Test func initWithoutAFolderStartsTheSiteHereAndNeverOverwrites() throws {
        let here = try CLI.temporaryDirectory()
        let first = try CLI.run(["init"], in: here)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: here.appendingPathComponent("content/site.yaml").path))
        #expect(FileManager.default.fileExists(atPath: here.appendingPathComponent("theme").path))
        for step in ["gongkai import 报告.docx --id fzzf-2025", "content/site.yaml", "report.yaml", "rm -r content/example-2025",
                     "gongkai check", "gongkai serve", "gongkai build"] {
            #expect(first.stdout.contains(step), "\(step): \(first.stdout)")
        }
        #expect(!first.stdout.contains("cd "), "the site is already here")
        let siteYAML = here.appendingPathComponent("content/site.yaml")
        try Data("title: 我的网站\n".utf8).write(to: siteYAML)
        let again = try CLI.run(["init"], in: here, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(again.status != 0)
        #expect(again.stderr.contains(": 错误: 这里已有 content/；gongkai init 从不覆盖已有网站"), "\(again.stderr)")
        #expect(try String(contentsOf: siteYAML, encoding: .utf8) == "title: 我的网站\n", "nothing overwritten")

        let named = try CLI.temporaryDirectory()
        let zh = try CLI.run(["init", "新站点"], in: named, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(FileManager.default.fileExists(atPath: named.appendingPathComponent("新站点/content/site.yaml").path))
        #expect(zh.stdout.contains("接下来：") && zh.stdout.contains("cd 新站点") && zh.stdout.contains("删除示例报告"), "\(zh.stdout)")
        let spaced = try CLI.run(["init", "my site"], in: named)
        #expect(spaced.stdout.contains("cd 'my site'"), "\(spaced.stdout)")
    }
}
