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

    /// Writes `files` (the manifest must be among them), on all cores. Changed files are staged and renamed into
    /// place at the end (a file of the previous build in the way of a new folder goes first), unless the folder is
    /// on another file system than its parent: then they replace the old ones one by one.
    public func write(_ files: [OutputFile]) throws(DiagnosticError) -> Summary {
        let output: StreamingOutput
        if let staged = try? StreamingOutput(destination: destination, basePath: nil, staged: true) {
            output = staged
        } else {
            output = try StreamingOutput(destination: destination, basePath: nil)
        }
        _ = ParallelMap.map(files) { output.put($0) }
        return try output.finish(nil)
    }

    /// Applies an incremental rebuild to a folder that a whole build of the same site already wrote (it holds
    /// `manifest.json`): writes `changed` (files the rebuild found different from the previous build, so they are
    /// not read back to compare) and removes `removed`. Used by `gongkai serve --write`, where the rebuild knows
    /// which files it touched and the rest of the folder is current.
    public func update(changed: [OutputFile], removed: [String]) throws(DiagnosticError) -> Summary {
        let fm = FileManager.default
        guard fm.fileExists(atPath: destination.appendingPathComponent("manifest.json").path) else {
            throw StreamingOutput.fail("\(destination.lastPathComponent)/ has no manifest.json: it needs a whole build first", destination)
        }
        var written: [String] = []
        var unchanged = 0
        // The manifest last: until it is written, the folder's manifest still describes the files it holds.
        let ordered = changed.filter { $0.path != "manifest.json" } + changed.filter { $0.path == "manifest.json" }
        for file in ordered {
            let url = destination.appendingPathComponent(file.path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if try StreamingOutput.replace(file, at: url.path, mayExist: false) { written.append(file.path) } else { unchanged += 1 }
            } catch {
                throw StreamingOutput.fail("cannot write \(file.path): \(error.localizedDescription)", destination)
            }
        }
        for path in removed {
            let url = destination.appendingPathComponent(path)
            guard fm.fileExists(atPath: url.path) else { continue }
            do { try fm.removeItem(at: url) } catch {
                throw StreamingOutput.fail("cannot remove \(path): \(error.localizedDescription)", destination)
            }
            // Folders the removal left empty go too (never the output folder itself).
            FileTree.removeEmptyFolders(above: path, in: destination.path)
        }
        return Summary(written: written.sorted(), removed: removed.sorted(), unchanged: unchanged)
    }
}
