import GongkaiCore

/// One build done by the preview server, for its log.
public struct BuildEvent: Sendable {
    /// Whether it succeeded.
    public var succeeded: Bool
    /// Warnings, or the errors of a failed build.
    public var diagnostics: [Diagnostic]
    /// Pages and files served after a good build.
    public var pages: Int
    /// All files served after a good build.
    public var files: Int
    /// URL paths whose output changed (empty for the first build and for failures).
    public var changedURLs: [String]
    /// Source paths whose change caused the build (empty for the first).
    public var trigger: [String]
    /// Build time, from the change being noticed to the new snapshot being served (and, with `--write`, the
    /// changed files written).
    public var duration: Duration
    /// With `--write`: the output files this build wrote (new or changed bytes); nil when nothing is written.
    public var written: [String]?

    /// Creates an event.
    public init(succeeded: Bool, diagnostics: [Diagnostic], pages: Int, files: Int, changedURLs: [String], trigger: [String], duration: Duration,
                written: [String]? = nil) {
        self.succeeded = succeeded
        self.diagnostics = diagnostics
        self.pages = pages
        self.files = files
        self.changedURLs = changedURLs
        self.trigger = trigger
        self.duration = duration
        self.written = written
    }
}
