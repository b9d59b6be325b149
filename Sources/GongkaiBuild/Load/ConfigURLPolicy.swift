import GongkaiCore

/// Which addresses `site.yaml` may link to: `http:`, `https:`, `mailto:`, `tel:` and relative addresses
/// (`/sitemap/`, `../x/`, `#top`, `//host/path`). Anything else (`javascript:`, `data:`, `vbscript:`, `file:` …) would be
/// published on every page's menu or footer, so it is a build error at the value.
enum ConfigURLPolicy {
    /// The schemes a configured link may use.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The scheme `url` is read with by a browser, lower-cased; nil for a relative address.
    ///
    /// Browsers drop leading spaces and control characters and every tab, LF and CR before reading the scheme
    /// (`" java\tscript:"` is `javascript:`), so those are dropped here too. A `:` before the first `/`, `?` or
    /// `#` is taken as the end of a scheme whatever comes before it: stricter than a browser, never looser.
    static func scheme(of url: String) -> String? {
        var name: [UInt8] = []
        var started = false
        for byte in url.utf8 {
            if !started && byte <= 0x20 { continue }
            started = true
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if byte == UInt8(ascii: ":") { return String(decoding: name, as: UTF8.self).lowercased() }
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return nil }
            name.append(byte)
        }
        return nil
    }

    /// An error at `location` when `url`, the value of `field`, uses a scheme that is not allowed; nil otherwise.
    static func problem(_ url: String, field: String, at location: SourceLocation) -> Diagnostic? {
        guard let scheme = scheme(of: url), !allowedSchemes.contains(scheme) else { return nil }
        return .error(scheme.isEmpty ? BuildText.urlStartsWithColon(["field": field]) : BuildText.urlSchemeNotAllowed(["field": field, "scheme": scheme]),
                      at: location)
    }
}
