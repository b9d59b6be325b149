/// One file of the search index, a script below the output folder: `search/meta.js`, a shard `search/p/<hex>.js`
/// or a document's text `search/d/<n>.js`.
public struct SearchIndexFile: Sendable, Hashable {
    /// Path below the output folder (`search/p/0a.js`).
    public var path: String
    /// The script's bytes.
    public var bytes: [UInt8]
}
