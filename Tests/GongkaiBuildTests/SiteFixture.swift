import Foundation
import GongkaiBuild
import GongkaiCore

/// A temporary site made from an inline multi-file text (as Hugo's txtar tests):
///
///     -- content/site.yaml --
///     title: 测试
///     -- content/r/report.yaml --
///     …
///
/// The project's default theme is copied in unless the fixture brings its own `theme/` files.
struct SiteFixture {
    let root: URL

    /// The repository root (for the default theme and the real content).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(_ text: String, theme: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if theme {
            try FileManager.default.copyItem(at: Self.repositoryRoot.appendingPathComponent("theme"), to: root.appendingPathComponent("theme"))
        }
        var path: String?
        var lines: [Substring] = []
        func flush() throws {
            guard let path else { return }
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: url)
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --") {
                try flush()
                path = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        try flush()
    }

    /// Writes (or replaces) one file.
    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Writes raw bytes.
    func write(_ path: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: root.appendingPathComponent(path))
    }

    /// Removes a file.
    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// Builds into `public/`.
    @discardableResult
    func build(_ options: BuildOptions = BuildOptions()) throws(DiagnosticError) -> SiteBuilder.Result {
        try SiteBuilder(root: root, options: options).buildAndWrite().0
    }

    /// The text of a built file.
    func output(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent("public/\(path)").path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every file below `public/` (or another folder of the site) with its bytes.
    func snapshot(of folder: String = "public") -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return out }
        for case let path as String in walker {
            var isDir: ObjCBool = false
            let url = base.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                out[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return out
    }

    /// The error text a failed build prints.
    func buildErrors(_ options: BuildOptions = BuildOptions()) -> String? {
        do {
            try build(options)
            return nil
        } catch {
            return error.description
        }
    }
}

/// A small two-level report used by several tests.
let smallSite = """
-- content/site.yaml --
title: 测试网站
base_url: https://www.example.gov.cn/fzzfjs/
organisation: 测试市人民政府
menu:
  - title: 首页
    url: /
  - title: 网站地图
    url: /sitemap/
-- content/r2024/report.yaml --
title: 测试市2024年法治政府建设年度报告
year: 2024
series: 法治政府建设年度报告
publisher: 测试市人民政府
written: 2025-02-28
published: 2025-03-20
index_number: 000-2025-001
category: 法治政府建设
closing: [特此报告。, 2025年2月28日]
-- content/r2024/_index.md --
2024年,测试市坚持依法行政。现将有关情况报告如下:
-- content/r2024/01.md --
---
title: 一、主要负责人履行职责情况
---
市委主要领导带头学法16次。
-- content/r2024/02/_index.md --
---
title: 二、主要举措和成效
---
-- content/r2024/02/01.md --
---
title: (一)深入学习贯彻习近平法治思想。
---
一是编制清单。见[全文](../../full/#二主要举措和成效)。

## 1.深化行政执法体制改革。

一是理顺职责。
-- content/r2024/02/02.md --
---
title: (二)推动政府更好发挥职能作用。
---
全市梳理政务服务事项2530项。
-- content/r2024/03.md --
---
title: 三、存在的不足
---
仍存在一些不足。
"""
