import Testing
@testable import GongkaiBuild
import GongkaiCore

/// `gongkai check`'s reading of the rendered HTML (`OutputLinkChecker`), on a few hand-written files: attribute
/// values read as bytes, links resolved per page (on several threads) and reported in page and link order.
@Suite struct OutputLinkCheckerTests {
    private func page(_ path: String, _ html: String, kind: PageKind = .topic) -> OutputFile {
        OutputFile(path: path, bytes: Array(html.utf8), kind: kind)
    }

    @Test func attributeValuesAreReadAsBytesUpToTheNextQuote() {
        let html = #"<p id="一、总体情况" class="x"><a href="../r/01/?a=1&amp;b=2#%E4%B8%80">一</a><img src="a.png" alt="">id="no-space"</p>"#
        #expect(OutputLinkChecker.attributeValues("id", in: html) == ["一、总体情况"])
        #expect(OutputLinkChecker.attributeValues("href", in: Array(html.utf8)) == ["../r/01/?a=1&amp;b=2#%E4%B8%80"])
        #expect(OutputLinkChecker.attributeValues("src", in: html) == ["a.png"])
        #expect(OutputLinkChecker.attributeValues("action", in: html).isEmpty)
        // An attribute whose value never closes is not read.
        #expect(OutputLinkChecker.attributeValues("href", in: #"<a href="x">a</a><a href="unclosed"#) == ["x"])
    }

    @Test func resolvedLinksReachFilesAndAnchorsAndBrokenOnesAreReportedInPageOrder() {
        let files = [
            page("index.html", ##"<a href="r/01/">1</a><a href="r/02/#%E4%BA%8C">2</a><a href="https://example.gov.cn/">x</a>"##, kind: .home),
            page("r/01/index.html", ##"<h2 id="一">一</h2><a href="../02/?from=1&amp;x=2#二">2</a><a href="../03/">3</a><a href="#没有">?</a>"##),
            page("r/02/index.html", ##"<h2 id="二">二</h2><a href="../../../up/">up</a><a href="/elsewhere/">o</a><a href="../01/#一">1</a>"##),
            page("r/04/index.html", ##"<p>nobody links here</p>"##),
        ]
        let findings = OutputLinkChecker(basePath: "/fzzfjs/").check(files).map(\.description)
        #expect(findings == [
            "public/r/01/index.html:1:1: error: broken anchor `#没有` in link `#没有`: /r/01/ has no such id",
            "public/r/02/index.html:1:1: error: link `../../../up/` climbs above the site root",
            "public/r/02/index.html:1:1: error: link `/elsewhere/` is outside the site's base path /fzzfjs/",
            "public/r/01/index.html:1:1: error: broken link `../03/`: no file at /r/03/",
            "public/r/04/index.html:1:1: warning: no link reaches this page from the home page",
        ], "\(findings)")
    }
}
