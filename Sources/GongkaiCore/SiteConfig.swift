/// The site's configuration, read from `content/site.yaml`.
public struct SiteConfig: Sendable, Hashable {
    /// 网站名称.
    public var title: String
    /// Where `public/` is published; always ends with `/` (e.g. `https://www.example.gov.cn/fzzfjs/` or `/`).
    public var baseURL: String
    /// Page language, `zh-CN`.
    public var language: String
    /// Pass raw HTML in Markdown through. Off unless the config asks.
    public var allowRawHTML: Bool
    /// Build the site search (index, search page, search box). On unless the config turns it off.
    public var search: Bool = true
    /// 主办单位.
    public var organisation: String
    /// 承办单位.
    public var undertaker: String
    /// The main menu.
    public var menu: [MenuItem]
    /// Footer fields required of government sites.
    public var footer: FooterInfo
    /// The header's portal identity: logo or 国徽, the portal's name and link (`header:` in site.yaml).
    public var header = HeaderInfo()
    /// The colour scheme, one of ``SiteConfig/palettes`` (`palette:`; default `red`).
    public var palette = "red"
    /// The footer's blocks in the order shown (`footer.order`), every one of ``FooterInfo/blocks`` once.
    public var footerOrder: [String] = FooterInfo.blocks

    /// The colour schemes the default theme has (`theme/assets/site.css`, `html.palette-*`), each with every text
    /// colour at 4.5:1 or more against its background.
    public static let palettes = ["red", "blue", "green", "teal", "grey"]
    /// Keywords for the head meta tags.
    public var keywords: String
    /// A one-line description of the site.
    public var description: String
    /// Where this configuration came from (for diagnostics).
    public var location: SourceLocation
    /// Where each field is written (`footer.contact.phone` → its line), for diagnostics.
    public var fieldLocations: [String: SourceLocation] = [:]

    /// Creates a configuration.
    public init(title: String, baseURL: String = "/", language: String = "zh-CN", allowRawHTML: Bool = false,
                organisation: String = "", undertaker: String = "", menu: [MenuItem] = [], footer: FooterInfo = FooterInfo(),
                keywords: String = "", description: String = "", location: SourceLocation = SourceLocation(path: "content/site.yaml")) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.allowRawHTML = allowRawHTML
        self.organisation = organisation
        self.undertaker = undertaker
        self.menu = menu
        self.footer = footer
        self.keywords = keywords
        self.description = description
        self.location = location
    }

    /// The path part of the base URL, e.g. `/fzzfjs/` (always starts and ends with `/`).
    public var basePath: String {
        var rest = Substring(baseURL)
        if let scheme = rest.firstRange(of: "://") {
            rest = rest[scheme.upperBound...]
            if let slash = rest.firstIndex(of: "/") { rest = rest[slash...] } else { rest = "/" }
        }
        var path = String(rest)
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// The host of the base URL, empty for a path-only base.
    public var domain: String {
        guard let scheme = baseURL.firstRange(of: "://") else { return "" }
        let rest = baseURL[scheme.upperBound...]
        return String(rest.prefix { $0 != "/" })
    }
}

/// One entry of the main menu.
public struct MenuItem: Sendable, Hashable {
    /// The label.
    public var title: String
    /// A site-relative path (`/sitemap/`) or an absolute URL; may be empty for an item that only groups others.
    public var url: String
    /// The item's own entries (a column's sub-columns), shown under it.
    public var children: [MenuItem] = []

    /// Creates a menu item.
    public init(title: String, url: String, children: [MenuItem] = []) {
        self.title = title
        self.url = url
        self.children = children
    }
}

/// The fields a government site's footer carries (《政府网站发展指引》).
public struct FooterInfo: Sendable, Hashable {
    /// 联系电话.
    public var phone: String = ""
    /// 联系地址.
    public var address: String = ""
    /// 电子邮箱.
    public var email: String = ""
    /// 网站标识码.
    public var siteCode: String = ""
    /// ICP备案号.
    public var icp: String = ""
    /// Link for the ICP number.
    public var icpURL: String = ""
    /// 公安机关备案号.
    public var police: String = ""
    /// Link for the police record number.
    public var policeURL: String = ""
    /// 党政机关网站标识 link (a local image is shown).
    public var partyGovURL: String = ""
    /// 我为政府网站找错 link.
    public var errorReportURL: String = ""
    /// Copyright line.
    public var copyright: String = ""

    /// The footer's blocks, in the default order: 网站地图 and 找错 links, 主办/承办单位, contact, 网站标识码 and
    /// 备案 numbers, the 党政机关网站标识, copyright.
    public static let blocks = ["links", "organisation", "contact", "record", "party_gov", "copyright"]

    /// Creates empty footer info.
    public init() {}
}

/// The header's portal identity (`header:` in site.yaml).
public struct HeaderInfo: Sendable, Hashable {
    /// A logo or 国徽 image below `content/` (`logo.png`), shown before the site title; empty for none.
    public var logo: String = ""
    /// Its text alternative (default: the portal's name, else the organisation).
    public var logoAlt: String = ""
    /// The portal the column belongs to (项城市人民政府门户网站), shown above the site title and linked.
    public var portalTitle: String = ""
    /// The portal's address.
    public var portalURL: String = ""

    /// Creates empty header info.
    public init() {}
}
