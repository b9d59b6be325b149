import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// The default theme configured from site.yaml as a portal's column (issue #30): logo, portal, palette, column
/// navigation, footer order; 附件; the 信息公开要素 grid; print's closing; theme errors.
@Suite struct PortalThemeTests {
    /// A 1×1 PNG.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0,
                               0x90, 0x77, 0x53, 0xDE, 0, 0, 0, 12, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0, 0, 0x03, 0x01, 0x01, 0,
                               0x18, 0xDD, 0x8D, 0xB0, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    static let configured = smallSite.replacingOccurrences(of: """
        menu:
          - title: 首页
            url: /
          - title: 网站地图
            url: /sitemap/
        """, with: """
        header:
          logo: guohui.png
          logo_alt: 国徽
          portal_title: 测试市人民政府门户网站
          portal_url: https://www.example.gov.cn/
        palette: blue
        menu:
          - title: 首页
            url: /
          - title: 政务公开
            children:
              - title: 法治政府建设
                url: /
              - title: 政府信息公开
                url: https://www.example.gov.cn/zwgk/
                children:
                  - title: 年度报表
                    url: https://www.example.gov.cn/zwgk/nb/
          - title: 网站地图
            url: /sitemap/
        footer:
          order: [organisation, links]
          error_report_url: https://zfwzzc.www.gov.cn/check_web/errorInfo_querySearch.action?term=0000000001
          copyright: 测试市人民政府 版权所有
        """)

    private static func site(_ text: String = configured) throws -> SiteFixture {
        let site = try SiteFixture(text)
        try site.write("content/guohui.png", bytes: png)
        return site
    }

    @Test func headerPaletteMenuAndFooterComeFromSiteYAML() throws {
        let site = try Self.site()
        _ = try SiteBuilder(root: site.root).write()
        let page = try #require(site.output("r2024/01/index.html"))
        #expect(page.contains(#"<html lang="zh-CN" class="no-js palette-blue">"#))
        #expect(page.contains(#"<img class="site-logo" src="../../assets/site-logo.png" alt="国徽" height="56">"#))
        #expect(page.contains(#"<a class="site-portal" href="https://www.example.gov.cn/">测试市人民政府门户网站</a>"#))
        #expect(site.output("assets/site-logo.png") != nil)
        // Column navigation: a group with its entries, one of them two levels down.
        #expect(page.contains(#"<details class="menu-group"><summary>政务公开</summary>"#))
        #expect(page.contains(#"<li><a href="../../">法治政府建设</a>"#))
        #expect(page.contains(#"<li><a href="https://www.example.gov.cn/zwgk/nb/">年度报表</a></li>"#))
        // The home page is under 政务公开: the group is marked.
        let home = try #require(site.output("index.html"))
        #expect(home.contains(#"<details class="menu-group in-current"><summary>政务公开</summary>"#))
        // Footer: the blocks in the order given, the others after them in the default order.
        let footer = try #require(page.components(separatedBy: "<footer class=\"site-footer\">").last)
        let organisation = try #require(footer.range(of: "主办单位")), links = try #require(footer.range(of: "网站地图"))
        let copyright = try #require(footer.range(of: "版权所有"))
        #expect(organisation.lowerBound < links.lowerBound && links.lowerBound < copyright.lowerBound)
        // 找错 carries the page's address.
        #expect(page.contains("errorInfo_querySearch.action?term=0000000001&amp;url=https%3A%2F%2Fwww.example.gov.cn%2Ffzzfjs%2Fr2024%2F01%2F\">我为政府网站找错</a>"))
    }

    @Test func badThemeSettingsAreErrorsAtTheirLine() throws {
        let wrong = try Self.site(Self.configured.replacingOccurrences(of: "palette: blue", with: "palette: pink")
            .replacingOccurrences(of: "logo: guohui.png", with: "logo: missing.png")
            .replacingOccurrences(of: "order: [organisation, links]", with: "order: [organisation, banner]"))
        let errors = try #require(wrong.buildErrors())
        #expect(errors.contains("content/site.yaml:9:10: error: `palette` must be one of red, blue, green, teal, grey"))
        #expect(errors.contains("content/site.yaml:5:9: error: `header.logo` names content/missing.png, which is not there"))
        #expect(errors.contains("content/site.yaml:25:25: error: `footer.order` lists the footer's blocks, each once"))
        let outside = try Self.site(Self.configured.replacingOccurrences(of: "logo: guohui.png", with: "logo: ../secret.png"))
        #expect(try #require(outside.buildErrors()).contains("error: `header.logo` is a file below content/ (e.g. logo.png), found `../secret.png`"))
    }

    @Test func aLogoLinkedFromOutsideTheSiteIsRefused() throws {
        let site = try Self.site()
        try site.remove("content/guohui.png")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-outside-\(UUID().uuidString).png")
        try Data(Self.png).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("content/guohui.png"), withDestinationURL: outside)
        #expect(try #require(site.buildErrors()).contains("content/guohui.png:1:1: error: symbolic link points outside the site"))
    }

    @Test func attachmentsAreListedWithTypeSizeAndChecksum() throws {
        let site = try Self.site(smallSite + "\n-- content/r2024/03.md --\n---\ntitle: 三、附图\n---\n![示意图](../tu1.png)\n")
        try site.write("content/r2024/原件.pdf", bytes: Array("%PDF-1.4\n".utf8) + [UInt8](repeating: 0x30, count: 2000))
        try site.write("content/r2024/tu1.png", bytes: Self.png)      // shown by a page: not an attachment
        try site.write("content/r2024/fubiao.xlsx", bytes: [0x50, 0x4B, 3, 4])
        _ = try SiteBuilder(root: site.root).write()
        let overview = try #require(site.output("r2024/index.html"))
        #expect(overview.contains(#"<h2 id="attachments-title">附件</h2>"#))
        #expect(overview.contains(#"<li><a href="../r2024/fubiao.xlsx" download>fubiao.xlsx</a> <span class="meta">Excel 表格 · 4 字节</span>"#))
        #expect(overview.contains(#"<a href="../r2024/原件.pdf" download>原件.pdf</a> <span class="meta">PDF 文档 · 2 KB</span>"#))
        let sha = "SHA-256：<code>" + ReportAttachmentsTestSupport.sha256(Array("%PDF-1.4\n".utf8) + [UInt8](repeating: 0x30, count: 2000)) + "</code>"
        #expect(overview.contains(sha))
        #expect(!overview.contains(">tu1.png</a>"))
        let manifest = try #require(site.output("manifest.json"))
        #expect(manifest.contains("\"r2024/原件.pdf\"") && manifest.contains("\"r2024/fubiao.xlsx\""))
        // Only the overview lists them.
        #expect(!(site.output("r2024/01/index.html") ?? "").contains("附件"))
    }

    @Test func disclosureGridHasTitleAndDocumentNumber() throws {
        let site = try SiteFixture(smallSite)
        _ = try SiteBuilder(root: site.root).write()
        let page = try #require(site.output("r2024/index.html"))
        #expect(page.contains(#"<tr><th scope="row">索引号</th><td>000-2025-001</td><th scope="row">主题分类</th><td>法治政府建设</td></tr>"#))
        #expect(page.contains(#"<tr><th scope="row">标题</th><td colspan="3">测试市2024年法治政府建设年度报告</td></tr>"#))
        #expect(page.contains(#"<tr><th scope="row">文号</th><td>—</td><th scope="row">发布日期</th><td>2025-03-20</td></tr>"#))
    }

    @Test func signatureStandsAboveTheDateLine() throws {
        let site = try SiteFixture(smallSite.replacingOccurrences(of: "closing: [特此报告。, 2025年2月28日]",
                                                                  with: "closing: [特此报告。, 2025年2月28日]\nsignature: 测试市人民政府"))
        _ = try SiteBuilder(root: site.root).write()
        let full = try #require(site.output("r2024/full/index.html"))
        #expect(full.contains("<div class=\"report-closing\">\n<p>特此报告。</p>\n<p class=\"signature-line\">测试市人民政府</p>\n<p class=\"date-line\">2025年2月28日</p>\n</div>"))
        let css = try String(contentsOf: SiteFixture.repositoryRoot.appendingPathComponent("theme/assets/print.css"), encoding: .utf8)
        #expect(css.contains(".report-closing { break-before: avoid; page-break-before: avoid; break-inside: avoid; page-break-inside: avoid; }"))
    }

    /// A missing asset in a template is one error at the template's line, not one per page at `public/…:1:1`.
    @Test func aMissingAssetIsOneErrorAtTheTemplate() throws {
        let site = try SiteFixture(smallSite)
        let footer = site.root.appendingPathComponent("theme/templates/partials/footer.mustache")
        var text = try String(contentsOf: footer, encoding: .utf8)
        text = text.replacingOccurrences(of: "<footer class=\"site-footer\">", with: "<footer class=\"site-footer\">\n  <img src=\"{{assets}}guohui-missing.png\" alt=\"国徽\">")
        try Data(text.utf8).write(to: footer)
        let result = try SiteBuilder(root: site.root, publishingChecks: true).build()
        let findings = OutputLinkChecker(basePath: result.model.config.basePath).check(result.files, theme: result.model.theme)
            .filter { $0.severity == .error }.map(\.description)
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.hasPrefix("theme/templates/partials/footer.mustache:2:23: error: link to /assets/guohui-missing.png, which the site does not have, on ") == true,
                "\(findings)")
    }

    /// A template that does not parse is reported once, without a false "partial … does not exist" where it is used.
    @Test func aTemplateThatDoesNotParseIsNotAlsoAMissingPartial() throws {
        let site = try SiteFixture(smallSite)
        try site.write("theme/templates/partials/footer.mustache", "<footer>{{#open}}</footer>\n")
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("theme/templates/partials/footer.mustache:"))
        #expect(errors.contains("template does not parse"))
        #expect(!errors.contains("does not exist"), "\(errors)")
    }

    /// Every palette keeps white text at 4.5:1 or more on its identity colour and its dark shade (WCAG 2 contrast),
    /// read from the theme's own CSS.
    @Test func palettesKeepTheirContrast() throws {
        let css = try String(contentsOf: SiteFixture.repositoryRoot.appendingPathComponent("theme/assets/site.css"), encoding: .utf8)
        func luminance(_ hex: String) -> Double {
            let v = Int(hex.dropFirst(), radix: 16) ?? 0
            func channel(_ c: Int) -> Double {
                let s = Double(c) / 255
                return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channel(v >> 16 & 255) + 0.7152 * channel(v >> 8 & 255) + 0.0722 * channel(v & 255)
        }
        func contrast(_ hex: String) -> Double { 1.05 / (luminance(hex) + 0.05) }
        for name in SiteConfig.palettes where name != "red" {
            let line = try #require(css.split(separator: "\n").first { $0.hasPrefix("html.palette-\(name) {") }, "palette \(name) in site.css")
            let colours = line.split(separator: "#").dropFirst().map { "#" + $0.prefix(6) }
            #expect(colours.count == 2, "\(line)")
            for colour in colours { #expect(contrast(colour) >= 4.5, "\(name) \(colour): \(contrast(colour))") }
        }
        #expect(contrast("#9e1a1a") >= 4.5 && contrast("#6e1111") >= 4.5)  // red, the default
    }
}

/// SHA-256 hex, as the attachments list shows it.
enum ReportAttachmentsTestSupport {
    static func sha256(_ bytes: [UInt8]) -> String {
        ReportAttachments.hex(bytes)
    }
}
