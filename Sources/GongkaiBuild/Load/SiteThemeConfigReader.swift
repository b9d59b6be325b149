import Foundation
import GongkaiCore

/// Reads what site.yaml sets of the default theme's look without template edits: `header` (logo or 国徽, the
/// portal's name and link), `palette`, `footer.order`, and the menu's levels.
enum SiteThemeConfigReader {
    /// Fills `config.header`, `config.palette` and `config.footerOrder` from `yaml`.
    static func read(_ yaml: YAMLValue, into config: inout SiteConfig, diagnostics: inout [Diagnostic]) {
        if let header = yaml["header"] {
            var f = FieldReader(header)
            f.rejectUnknown(["logo", "logo_alt", "portal_title", "portal_url"])
            config.header.logo = f.string("logo") ?? ""
            config.header.logoAlt = f.string("logo_alt") ?? ""
            config.header.portalTitle = f.string("portal_title") ?? ""
            config.header.portalURL = f.string("portal_url") ?? ""
            diagnostics += f.diagnostics
            if !config.header.logo.isUnsetValue, let problem = logoProblem(config.header.logo) {
                diagnostics.append(.error(problem, at: header["logo"]?.location ?? header.location))
            }
        }
        if let palette = yaml["palette"] {
            var f = FieldReader(yaml)
            let name = f.string("palette") ?? ""
            diagnostics += f.diagnostics
            if SiteConfig.palettes.contains(name) {
                config.palette = name
            } else {
                diagnostics.append(.error(BuildText.paletteUnknown(["palettes": SiteConfig.palettes.joined(separator: ", "), "name": name]),
                                          at: palette.location))
            }
        }
        if let order = yaml["footer"]?["order"] {
            var listed: [String] = []
            for item in order.items {
                guard let name = item.string, FooterInfo.blocks.contains(name), !listed.contains(name) else {
                    let blocks = FooterInfo.blocks.joined(separator: ", ")
                    diagnostics.append(.error(item.string.map { BuildText.footerOrderItem(["blocks": blocks, "found": $0]) }
                                                  ?? BuildText.footerOrderItemNotName(["blocks": blocks]),
                                              at: item.location))
                    continue
                }
                listed.append(name)
            }
            if case .sequence = order {} else {
                diagnostics.append(.error(BuildText.footerOrderNotList.message, at: order.location))
            }
            // Blocks not listed follow in the default order: 《政府网站发展指引》 asks every page to show them.
            config.footerOrder = listed + FooterInfo.blocks.filter { !listed.contains($0) }
        }
    }

    /// Reads one menu entry and its children (at most three levels).
    static func menuItem(_ yaml: YAMLValue, depth: Int = 1, diagnostics: inout [Diagnostic]) -> MenuItem {
        var f = FieldReader(yaml)
        f.rejectUnknown(["title", "url", "children"])
        let title = f.string("title", required: true) ?? ""
        let hasChildren = yaml["children"] != nil
        let url = f.string("url", required: !hasChildren) ?? ""
        diagnostics += f.diagnostics
        var item = MenuItem(title: title, url: url)
        if let children = yaml["children"] {
            if depth >= 3 {
                diagnostics.append(.error(BuildText.menuTooDeep.message, at: children.location))
            } else {
                item.children = children.items.map { menuItem($0, depth: depth + 1, diagnostics: &diagnostics) }
            }
        }
        return item
    }

    /// Why `logo` cannot be the logo's path below `content/`, or nil.
    static func logoProblem(_ logo: String) -> Message? {
        let parts = logo.split(separator: "/", omittingEmptySubsequences: false)
        if logo.hasPrefix("/") || logo.contains("\\") || parts.contains("..") || parts.contains("") {
            return BuildText.logoNotBelowContent(["logo": logo])
        }
        let ext = logo.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard ["png", "svg", "jpg", "jpeg", "gif", "webp"].contains(ext) else {
            return BuildText.logoNotImage(["logo": logo])
        }
        return nil
    }

    /// Where the logo is published: `assets/site-logo.<ext>`.
    static func logoOutputPath(_ logo: String) -> String {
        "assets/site-logo." + (logo.split(separator: ".").last.map { $0.lowercased() } ?? "png")
    }
}
