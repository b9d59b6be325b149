import Foundation

/// Tells whether a static output file was read through a symbolic link that leads out of the site folder.
///
/// The build copies `theme/assets/**` to `assets/**` and every other file in a report folder
/// (`content/<report>/…`) to the same path below the output, following links. The preview server maps an asset's
/// output path back to that source and refuses to serve it when the source's real location is outside the site.
struct SymlinkGuard: Sendable {
    private let content: String
    private let themeAssets: String
    private let rootURL: URL

    /// A guard for the site at `root`.
    init(root: URL) {
        rootURL = root
        content = Self.real(root.appendingPathComponent("content"))
        themeAssets = Self.real(root.appendingPathComponent("theme/assets"))
    }

    /// True when the source of `outputPath` is a link (or lies under one) resolving outside the site.
    func leadsOutside(outputPath: String) -> Bool {
        let (source, allowed): (URL, String)
        if outputPath.hasPrefix("assets/") {
            source = rootURL.appendingPathComponent("theme").appendingPathComponent(outputPath)
            allowed = themeAssets
        } else {
            source = rootURL.appendingPathComponent("content").appendingPathComponent(outputPath)
            allowed = content
        }
        guard FileManager.default.fileExists(atPath: source.path) else { return false }
        let real = Self.real(source)
        return !(real == allowed || real.hasPrefix(allowed + "/"))
    }

    private static func real(_ url: URL) -> String {
        guard let resolved = realpath(url.path, nil) else { return url.standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
