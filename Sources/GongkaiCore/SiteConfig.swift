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
    /// A site-relative path (`/sitemap/`) or an absolute URL.
    public var url: String

    /// Creates a menu item.
    public init(title: String, url: String) {
        self.title = title
        self.url = url
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

    /// Creates empty footer info.
    public init() {}
}
