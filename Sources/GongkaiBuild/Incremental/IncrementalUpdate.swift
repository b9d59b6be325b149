/// What an incremental rebuild changed: the files whose bytes changed (the manifest among them), the paths
/// removed, and the state the next rebuild starts from.
public struct IncrementalUpdate: Sendable {
    /// The changed files (only those whose bytes changed, `manifest.json` included when anything did).
    public var files: [OutputFile]
    /// Their paths, sorted.
    public var changedPaths: [String]
    /// Paths no longer in the output, sorted.
    public var removedPaths: [String]
    /// The state after the change.
    public var state: RebuildState
}
