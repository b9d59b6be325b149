import GongkaiCore
import Testing
@testable import GongkaiBuild

struct LinkResolverTests {
    private func resolver(_ page: String, _ kind: PageKind = .topic, fileLinks: Bool = false) -> LinkResolver {
        LinkResolver(pageURLPath: page, kind: kind, basePath: "/fzzfjs/", fileSystemLinks: fileLinks)
    }

    @Test func linksAreRelativeToThePage() {
        #expect(resolver("").href("") == "./")
        #expect(resolver("").href("#top") == "./#top")
        #expect(resolver("r/").href("") == "../")
        #expect(resolver("r/01/").href("r/02/#二加强") == "../../r/02/#二加强")
        #expect(resolver("r/01/").href("assets/site.css") == "../../assets/site.css")
        #expect(resolver("404.html", .notFound).href("r/") == "/fzzfjs/r/")
        #expect(resolver("r/01/").menuHref("https://example.gov.cn/") == "https://example.gov.cn/")
        #expect(resolver("r/01/").menuHref("/sitemap/") == "../../sitemap/")
    }

    @Test func fileLinksPutIndexBeforeTheFragment() {
        let links = resolver("r/01/", fileLinks: true)
        #expect(links.href("") == "../../index.html")
        #expect(links.href("r/02/#一") == "../../r/02/index.html#一")
        #expect(links.href("assets/site.css") == "../../assets/site.css")
        // Only the first `#` splits; a later one belongs to the fragment.
        #expect(links.href("r/#a#b") == "../../r/index.html#a#b")
    }

    /// A `#` that the next scalar joins into one character (a spacing mark: an anchor id may start with one) still
    /// starts the fragment: the link is split at the `#` byte, not at a `#` character.
    @Test func aFragmentStartingWithAMarkStillSplits() {
        let target = "r/02/#\u{093E}x"
        #expect(target.firstIndex(of: "#") == nil)  // no `#` character: it joined the mark
        #expect(resolver("r/01/", fileLinks: true).href(target) == "../../r/02/index.html#\u{093E}x")
        #expect(resolver("r/01/").href(target) == "../../" + target)
        // On a page at the root, such a fragment alone gets the `./` every fragment alone gets there (a menu entry
        // `/#…`): it used to be printed bare.
        #expect(resolver("").href("#\u{093E}x") == "./#\u{093E}x")
        #expect(resolver("").href("#x") == "./#x")
        #expect(resolver("").menuHref("/#\u{093E}x") == "./#\u{093E}x")
    }
}
