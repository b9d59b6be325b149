import Foundation
import GongkaiCore

/// Stage 5 for a build held in memory: puts its files into `public/` with `StreamingOutput`'s rules (a first build
/// goes through a temporary folder moved into place; later builds replace only files whose bytes changed and remove
/// files the site no longer has; a non-empty folder without a Gongkai manifest is refused). Runs only after every
/// earlier stage succeeded, so a failed build never touches `public/`.
public struct OutputWriter: Sendable {
    /// What a write did.
    public struct Summary: Sendable, Hashable {
        /// Files written (new or changed).
        public var written: [String]
        /// Files removed.
        public var removed: [String]
        /// Files left as they were.
        public var unchanged: Int
    }

    /// The output folder.
    public let destination: URL

    /// Creates a writer for `destination` (usually `public/`).
    public init(destination: URL) { self.destination = destination }

    /// Writes `files` (the manifest must be among them), on all cores.
    public func write(_ files: [OutputFile]) throws(DiagnosticError) -> Summary {
        let output = try StreamingOutput(destination: destination, basePath: nil)
        _ = ParallelMap.map(files) { output.put($0) }
        return try output.finish(nil)
    }
}
