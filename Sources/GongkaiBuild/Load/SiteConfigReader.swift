import Foundation
import GongkaiCore
import GongkaiYAML

/// Reads `content/site.yaml` into a `SiteConfig`.
enum SiteConfigReader {
    static let path = "content/site.yaml"

    static func read(root: URL, boundary: String? = nil, diagnostics: inout [Diagnostic]) throws(DiagnosticError) -> SiteConfig {
        let url = root.appendingPathComponent(path)
        // Never read through a link leading outside the site (nor from a FIFO, which would wait forever).
        if let problem = SymlinkGuard.check(url.path, boundary: boundary ?? SymlinkGuard.realPath(root), displayPath: path) {
            throw DiagnosticError([problem])
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DiagnosticError([.error(BuildText.noSiteConfig.message, at: SourceLocation(path: path, line: 1, column: 1))])
        }
        let file = try SourceFile.read(url, displayPath: path)
        let yaml = try YAMLReader.parse(file.text, path: path)
        guard yaml.isMapping else {
            throw DiagnosticError([.error(YAMLText.siteConfigNotMapping(), at: yaml.location)])
        }
        return parse(yaml, diagnostics: &diagnostics)
    }

    /// Builds the configuration from parsed YAML.
    static func parse(_ yaml: YAMLValue, diagnostics: inout [Diagnostic]) -> SiteConfig {
        var fields = FieldReader(yaml)
        fields.rejectUnknown(["title", "base_url", "language", "allow_raw_html", "organisation", "undertaker", "menu", "footer", "keywords", "description", "search", "header", "palette"])
        var config = SiteConfig(title: fields.string("title", required: true) ?? "", location: yaml.location)
        config.fieldLocations = yaml.scalarLocations()
        var base = fields.string("base_url") ?? "/"
        checkURL(base, field: "base_url", in: yaml, diagnostics: &diagnostics)
        if !base.hasSuffix("/") { base += "/" }
        config.baseURL = base
        config.language = fields.string("language") ?? "zh-CN"
        config.allowRawHTML = fields.bool("allow_raw_html") ?? false
        config.search = fields.bool("search") ?? true
        config.organisation = fields.string("organisation") ?? ""
        config.undertaker = fields.string("undertaker") ?? ""
        config.keywords = fields.string("keywords") ?? ""
        config.description = fields.string("description") ?? ""
        diagnostics += fields.diagnostics

        SiteThemeConfigReader.read(yaml, into: &config, diagnostics: &diagnostics)
        if let header = yaml["header"], let portal = header["portal_url"]?.string {
            checkURL(portal, field: "portal_url", in: header, diagnostics: &diagnostics)
        }
        if let menu = yaml["menu"] {
            for item in menu.items {
                config.menu.append(SiteThemeConfigReader.menuItem(item, diagnostics: &diagnostics))
                checkMenuURLs(item, diagnostics: &diagnostics)
            }
            if case .sequence = menu {} else if case .null = menu {} else {
                diagnostics.append(.error(BuildText.menuNotList.message, at: menu.location))
            }
        }
        if let footerYAML = yaml["footer"] {
            var f = FieldReader(footerYAML)
            f.rejectUnknown(["contact", "site_code", "icp", "police", "party_gov_url", "error_report_url", "copyright", "order"])
            var footer = FooterInfo()
            footer.siteCode = f.string("site_code") ?? ""
            footer.partyGovURL = f.string("party_gov_url") ?? ""
            footer.errorReportURL = f.string("error_report_url") ?? ""
            footer.copyright = f.string("copyright") ?? ""
            diagnostics += f.diagnostics
            checkURL(footer.partyGovURL, field: "party_gov_url", in: footerYAML, diagnostics: &diagnostics)
            checkURL(footer.errorReportURL, field: "error_report_url", in: footerYAML, diagnostics: &diagnostics)
            if let contact = footerYAML["contact"] {
                var c = FieldReader(contact)
                c.rejectUnknown(["phone", "address", "email"])
                footer.phone = c.string("phone") ?? ""
                footer.address = c.string("address") ?? ""
                footer.email = c.string("email") ?? ""
                diagnostics += c.diagnostics
            }
            if let icp = footerYAML["icp"] {
                var c = FieldReader(icp)
                footer.icp = c.string("text") ?? ""
                footer.icpURL = c.string("url") ?? ""
                diagnostics += c.diagnostics
                checkURL(footer.icpURL, field: "url", in: icp, diagnostics: &diagnostics)
            }
            if let police = footerYAML["police"] {
                var c = FieldReader(police)
                footer.police = c.string("text") ?? ""
                footer.policeURL = c.string("url") ?? ""
                diagnostics += c.diagnostics
                checkURL(footer.policeURL, field: "url", in: police, diagnostics: &diagnostics)
            }
            config.footer = footer
        }
        return config
    }

    /// An error at the value of `field` in `mapping` when `url` uses a scheme `ConfigURLPolicy` does not allow.
    /// `checkURL` for a menu entry's `url` and those of its children.
    private static func checkMenuURLs(_ item: YAMLValue, diagnostics: inout [Diagnostic]) {
        if let url = item["url"]?.string { checkURL(url, field: "url", in: item, diagnostics: &diagnostics) }
        for child in item["children"]?.items ?? [] { checkMenuURLs(child, diagnostics: &diagnostics) }
    }

    private static func checkURL(_ url: String, field: String, in mapping: YAMLValue, diagnostics: inout [Diagnostic]) {
        if let problem = ConfigURLPolicy.problem(url, field: field, at: mapping[field]?.location ?? mapping.location) {
            diagnostics.append(problem)
        }
    }
}
