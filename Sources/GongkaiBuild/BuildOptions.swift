import Foundation

/// Choices made on the command line rather than in the site config.
public struct BuildOptions: Sendable, Hashable {
    /// Overrides `base_url` of the site config.
    public var baseURL: String?
    /// Make folder links end in `index.html`, so that `public/` reads from the file system.
    public var fileSystemLinks: Bool
    /// Build-time stamp for pages (from SOURCE_DATE_EPOCH); nil keeps pages free of build times.
    public var buildDate: String?
    /// Reuse a template's output across pages of one shape (`TemplateOutputCache`; the bytes are the same). False
    /// renders every page through Mustache alone: for tests and measurements.
    public var reuseTemplateOutput = true
    /// Once every report's pages are made, have freed memory go back to the system at once while the index's shards
    /// and the home page and site map are made (`FreedMemory`): what `gongkai build` asks, to lower its peak. A
    /// process-wide setting of the allocator, so off by default.
    public var returnFreedMemoryForLastStage = false

    /// `YYYY-MM-DD HH:MM` (China Standard Time) for a SOURCE_DATE_EPOCH value, nil when it is not a number.
    public static func buildDate(sourceDateEpoch: String?) -> String? {
        guard let text = sourceDateEpoch, let seconds = Int(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Creates options.
    public init(baseURL: String? = nil, fileSystemLinks: Bool = false, buildDate: String? = nil) {
        self.baseURL = baseURL
        self.fileSystemLinks = fileSystemLinks
        self.buildDate = buildDate
    }
}
