import Foundation
import GongkaiCore

/// Reads `content/site.yaml` into a `SiteConfig`.
enum SiteConfigReader {
    static let path = "content/site.yaml"

    static func read(root: URL, diagnostics: inout [Diagnostic]) throws(DiagnosticError) -> SiteConfig {
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DiagnosticError([.error("no site configuration: create content/site.yaml (`gongkai init` writes one)", at: SourceLocation(path: path, line: 1, column: 1))])
        }
        let file = try SourceFile.read(url, displayPath: path)
        let yaml = try YAMLReader.parse(file.text, path: path)
        guard yaml.isMapping else {
            throw DiagnosticError([.error("site configuration must be a mapping of `key: value` lines", at: yaml.location)])
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
        if let menu = yaml["menu"] {
            for item in menu.items {
                config.menu.append(SiteThemeConfigReader.menuItem(item, diagnostics: &diagnostics))
            }
            if case .sequence = menu {} else if case .null = menu {} else {
                diagnostics.append(.error("`menu` must be a list of {title, url}", at: menu.location))
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
            }
            if let police = footerYAML["police"] {
                var c = FieldReader(police)
                footer.police = c.string("text") ?? ""
                footer.policeURL = c.string("url") ?? ""
                diagnostics += c.diagnostics
            }
            config.footer = footer
        }
        return config
    }
}
