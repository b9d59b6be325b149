import Foundation
import GongkaiCore

/// Starts a new site: the default theme, a commented `content/site.yaml` with every field, and an example report
/// showing the content format. Refuses to write over anything that exists.
public struct SiteInitializer: Sendable {
    /// The folder to create the site in.
    public let directory: URL

    /// Creates an initializer for `directory`.
    public init(directory: URL) { self.directory = directory }

    /// Writes the new site; returns the paths written (relative to the directory).
    public func run() throws(DiagnosticError) -> [String] {
        let fm = FileManager.default
        var files: [(String, [UInt8])] = DefaultTheme.decodedFiles().map { ("theme/\($0.path)", $0.bytes) }
        files.append(("content/site.yaml", Array(Self.siteYAML.utf8)))
        files.append(("content/example-2025/report.yaml", Array(Self.reportYAML.utf8)))
        files.append(("content/example-2025/_index.md", Array(Self.opening.utf8)))
        files.append(("content/example-2025/01.md", Array(Self.topic.utf8)))
        files.append((".gitignore", Array("/public/\n".utf8)))
        for existing in ["content", "theme"] where fm.fileExists(atPath: directory.appendingPathComponent(existing).path) {
            throw DiagnosticError([.error(BuildText.siteAlreadyExists(["folder": existing]),
                                          at: SourceLocation(path: directory.appendingPathComponent(existing).path, line: 1, column: 1))])
        }
        do {
            for (path, bytes) in files {
                let url = directory.appendingPathComponent(path)
                if fm.fileExists(atPath: url.path) { continue }
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
        } catch {
            throw DiagnosticError([.error(BuildText.cannotWriteNewSite(["reason": error.localizedDescription]), at: SourceLocation(path: directory.path, line: 1, column: 1))])
        }
        return files.map(\.0)
    }

    static let siteYAML = """
    # Site configuration (see docs/content-format.md in the Gongkai repository).
    # A value not known yet is written TODO: `gongkai check` lists it, pages leave it out, nothing is invented.

    title: TODO                      # 网站名称, e.g. 某某市法治政府建设年度报告
    # Where public/ is published. Links inside the site are relative, so public/ also works under any sub-path.
    base_url: /                      # e.g. https://www.example.gov.cn/fzzfjs/
    language: zh-CN
    allow_raw_html: false            # raw HTML in Markdown is omitted unless true
    organisation: TODO               # 主办单位
    undertaker: TODO                 # 承办单位
    keywords: 法治政府建设,年度报告,政府信息公开
    description: TODO                # one sentence about the site
    menu:                            # the main menu; a url starting with / is inside the site
      - title: 首页
        url: /
      - title: 网站地图
        url: /sitemap/
    footer:
      contact:
        phone: TODO                  # 联系电话
        address: TODO                # 联系地址
        email: TODO                  # 电子邮箱
      site_code: TODO                # 网站标识码
      icp:
        text: TODO                   # ICP备案号
        url: https://beian.miit.gov.cn/
      police:
        text: TODO                   # 公安机关备案号
        url: TODO
      party_gov_url: TODO            # 党政机关网站标识 link
      error_report_url: TODO         # 我为政府网站找错 link
      copyright: TODO                # e.g. 某某市人民政府 版权所有

    """

    static let reportYAML = """
    # Report metadata. The folder name (example-2025) is the report's id and URL.
    # Replace this example with your report: `gongkai import REPORT.txt` writes a folder like this one.
    title: 示例市2025年法治政府建设年度报告
    year: 2025
    series: 法治政府建设年度报告     # reports of one series are compared across years
    publisher: TODO                  # 发布机构
    written: 2026-02-28              # 成文日期, YYYY-MM-DD
    published: TODO                  # 发布日期, YYYY-MM-DD
    document_number: TODO            # 文号 (delete the line if there is none)
    index_number: TODO               # 索引号
    category: 法治政府建设            # 主题分类
    # validity: 有效                 # 有效性, when given
    # salutation: 中共某某市委、某某市人民政府:
    closing:
      - 特此报告。
      - 2026年2月28日

    """

    static let opening = """
    2025年,示例市坚持依法行政。现将有关情况报告如下:

    """

    static let topic = """
    ---
    title: 一、主要负责人履行推进法治建设第一责任人职责情况
    order: 1
    summary: 一句话概述（可选）
    ---
    示例段落。Headings inside a topic start at ##.

    """
}
