/// What the user asked of one import.
public struct ImportOptions: Sendable, Hashable {
    /// Report id (folder name, URL segment); default: the source file name without extension.
    public var id: String?
    /// Which sections get a page per sub-section.
    public var split: SplitPolicy
    /// Title to use when the text has no title line.
    public var title: String?
    /// Series to use instead of the derived one.
    public var series: String?
    /// Year to use instead of the derived one.
    public var year: Int?
    /// 发布机构 to use (default: the signature line, or the site's one publisher of this series whose name starts with
    /// the place in the title).
    public var publisher: String?
    /// Replace an existing report folder (hand-filled report.yaml fields and non-Markdown files are kept).
    public var force: Bool

    /// Creates options.
    public init(id: String? = nil, split: SplitPolicy = .automatic, title: String? = nil, series: String? = nil,
                year: Int? = nil, publisher: String? = nil, force: Bool = false) {
        self.publisher = publisher
        self.id = id
        self.split = split
        self.title = title
        self.series = series
        self.year = year
        self.force = force
    }
}
