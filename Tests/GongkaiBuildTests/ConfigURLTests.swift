import Foundation
import Testing
@testable import GongkaiBuild
import GongkaiCore

/// Issue #31, item 8: a `javascript:` (or any other scheme but http, https, mailto, tel) link in site.yaml's menu or
/// footer is a build error at the value, never published.
@Suite struct ConfigURLTests {
    @Test func aJavaScriptMenuLinkIsABuildErrorAtTheValue() throws {
        let site = try SiteFixture(smallSite)
        try site.write("content/site.yaml", """
        title: 测试网站
        menu:
          - title: 首页
            url: javascript:alert(document.cookie)
          - title: 网站地图
            url: " JaVa\\tScRiPt:alert(1)"
        footer:
          party_gov_url: data:text/html,<script>alert(1)</script>
          error_report_url: vbscript:msgbox
          icp:
            text: 豫ICP备
            url: "javascript:void(0)"
          police:
            text: 豫公网安备
            url: https://www.beian.gov.cn/
        """)
        let errors = try #require(site.buildErrors())
        #expect(errors.contains("content/site.yaml:4:10: error: `url` is a `javascript:` address, which is not allowed"), "\(errors)")
        #expect(errors.contains("content/site.yaml:6:10: error: `url` is a `javascript:` address"), "\(errors)")
        #expect(errors.contains("content/site.yaml:8:18: error: `party_gov_url` is a `data:` address"), "\(errors)")
        #expect(errors.contains("content/site.yaml:9:21: error: `error_report_url` is a `vbscript:` address"), "\(errors)")
        #expect(errors.contains("content/site.yaml:12:10: error: `url` is a `javascript:` address"), "\(errors)")
        #expect(!errors.contains("content/site.yaml:15:"), "\(errors)")
        #expect(site.snapshot().isEmpty)
    }

    @Test func httpHttpsMailtoTelAndRelativeLinksAreAllowed() throws {
        for url in ["https://www.gov.cn/", "HTTP://x.cn/", "mailto:office@example.gov.cn", "tel:0394-1234567", "/sitemap/",
                    "../r2024/", "#top", "//www.gov.cn/", "r2024/?a=b:c", "sitemap/"] {
            #expect(ConfigURLPolicy.problem(url, field: "url", at: SourceLocation(path: "x", line: 1, column: 1)) == nil, "\(url)")
        }
        for url in ["javascript:alert(1)", "\u{1}javascript:x", "java\nscript:x", "file:///etc/passwd", "data:,x", ":x", "vbscript:x"] {
            #expect(ConfigURLPolicy.problem(url, field: "url", at: SourceLocation(path: "x", line: 1, column: 1)) != nil, "\(url)")
        }
    }
}
