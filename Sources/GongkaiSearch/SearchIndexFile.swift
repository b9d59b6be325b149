/// One file of the search index, a script below the output folder: `search/meta.js`, a shard `search/p/<hex>.js`
/// or a file of page texts `search/d/<n>.js` (documents `n * perFile` to `n * perFile + perFile - 1`).
public struct SearchIndexFile: Sendable, Hashable {
    /// The version of the index's format, written in `meta.js` and checked by `theme/assets/search.js` (its
    /// `INDEX_FORMAT`), which cannot read another: 1 wrote one file per document, 2 writes `perFile` per file.
    public static let format = 2

    /// Path below the output folder (`search/p/0a.js`).
    public var path: String
    /// The script's bytes.
    public var bytes: [UInt8]
}
