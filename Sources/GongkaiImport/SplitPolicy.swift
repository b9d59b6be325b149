/// Which top-level sections get one page per sub-section (under an index page of their own).
///
/// The automatic rule: a section is split when it has at least ``minimumSubsections`` sub-sections and the median
/// sub-section holds at least ``minimumMedianLength`` characters of text (headings included). In the 2024 report this
/// splits 二、主要举措和成效 (eight measures, median ≈ 500 characters) and keeps 四、 (three short items) on one page.
public enum SplitPolicy: Sendable, Hashable {
    /// The automatic rule.
    case automatic
    /// Split every section that has sub-sections.
    case all
    /// Never split: one page per top-level section.
    case none
    /// Split exactly the sections at these 1-based positions (2 = the second top-level section).
    case sections(Set<Int>)

    /// Sub-sections a section needs before the automatic rule splits it.
    public static let minimumSubsections = 3
    /// Median characters per sub-section the automatic rule requires.
    public static let minimumMedianLength = 200

    /// Parses `auto`, `all`, `none` or a comma-separated list of positions such as `2,4`.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "auto", "automatic": self = .automatic
        case "all", "always": self = .all
        case "none", "never": self = .none
        default:
            let parts = argument.split(separator: ",").map { Int(String($0.filter { !$0.isWhitespace })) }
            guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
            self = .sections(Set(parts.compactMap { $0 }))
        }
    }

    /// Whether `section`, the `position`-th top-level section (1-based), is split.
    public func splits(_ section: ReportOutline.Section, position: Int) -> Bool {
        guard !section.children.isEmpty else { return false }
        switch self {
        case .all: return true
        case .none: return false
        case .sections(let set): return set.contains(position)
        case .automatic:
            guard section.children.count >= Self.minimumSubsections else { return false }
            let lengths = section.children.map(\.textLength).sorted()
            let mid = lengths.count / 2
            let median = lengths.count % 2 == 1 ? lengths[mid] : (lengths[mid - 1] + lengths[mid]) / 2
            return median >= Self.minimumMedianLength
        }
    }
}
