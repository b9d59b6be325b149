/// What a generated file is, as listed in `manifest.json`.
public enum PageKind: String, Sendable, Hashable, CaseIterable {
    case home, report, topic, full, indicators, sitemap, search, notFound = "404", asset, data, feed
}
