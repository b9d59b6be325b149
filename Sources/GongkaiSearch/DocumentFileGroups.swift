/// The files of page texts whose documents were made in different batches: each batch writes the files whose
/// documents it made all of, and hands here the entries of the files it shares with a neighbouring batch (at most
/// one at each end), which are joined and written once every document of the file has come.
struct DocumentFileGroups: Sendable {
    /// Entries of part of one file of page texts: the file's number and, in order from document `first`, their
    /// entries (`SearchIndexFile.documentEntry`).
    struct Fragment: Sendable {
        var group: Int
        var first: Int
        var entries: [[UInt8]]
    }

    /// Documents a file.
    let perFile: Int
    /// Documents in the index.
    let documentCount: Int
    /// Entries received of files not yet complete: file → document → entry.
    private var pending: [Int: [Int: [UInt8]]] = [:]

    init(perFile: Int, documentCount: Int) {
        self.perFile = perFile
        self.documentCount = documentCount
    }

    /// How many documents file `group` holds (the last one may hold fewer than `perFile`).
    func size(of group: Int) -> Int { min(perFile, documentCount - group * perFile) }

    /// Keeps `fragments` and returns the files they complete, in file order.
    mutating func add(_ fragments: [Fragment]) -> [SearchIndexFile] {
        var touched: Set<Int> = []
        for fragment in fragments {
            for (i, entry) in fragment.entries.enumerated() { pending[fragment.group, default: [:]][fragment.first + i] = entry }
            touched.insert(fragment.group)
        }
        var files: [SearchIndexFile] = []
        for group in touched.sorted() {
            guard let entries = pending[group], entries.count == size(of: group) else { continue }
            files.append(SearchIndexFile.documents(group: group, entries: entries.sorted { $0.key < $1.key }.map(\.value)))
            pending[group] = nil
        }
        return files
    }

    /// Whether every file begun has been written.
    var isEmpty: Bool { pending.isEmpty }
}
