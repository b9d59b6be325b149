import Crypto
import GongkaiCore

/// What a streaming output remembers of each file it put: its path, whether it was written, and (when it keeps a
/// manifest) the file's manifest entry with its SHA-256 as 32 bytes. Records are packed one after another into
/// large byte chunks, so that a site of tens of thousands of files keeps a few bytes beyond their text for each,
/// not an entry of five strings and a hex digest (it is kept until the last file is written).
struct OutputRecords {
    private var chunks: [[UInt8]] = []
    /// A chunk's size (a record longer than that has a chunk of its own).
    private static let chunkSize = 1 << 20
    /// How many records.
    private(set) var count = 0

    private static let wasWritten: UInt8 = 1, hasEntry: UInt8 = 2, hasReport: UInt8 = 4

    /// Records `file`: written or left as it was, with its entry when `digest` (its SHA-256) is given, its URL
    /// under `basePath`.
    mutating func append(_ file: OutputFile, written: Bool, basePath: String, digest: SHA256.Digest?) {
        var flags: UInt8 = written ? Self.wasWritten : 0
        let url = basePath + file.urlPath
        let kind = file.kind.rawValue
        var size = 1 + 5 + file.path.utf8.count
        if digest != nil {
            flags |= Self.hasEntry
            if file.reportID != nil { flags |= Self.hasReport }
            size += 4 * 5 + url.utf8.count + file.title.utf8.count + kind.utf8.count + (file.reportID?.utf8.count ?? 0) + 10 + 32
        }
        if chunks.isEmpty || chunks[chunks.count - 1].capacity - chunks[chunks.count - 1].count < size {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(max(Self.chunkSize, size))
            chunks.append(chunk)
        }
        // Taken out and put back, so that it is appended to in place.
        var out = chunks.removeLast()
        out.append(flags)
        Self.appendString(file.path, to: &out)
        if let digest {
            Self.appendString(url, to: &out)
            Self.appendString(file.title, to: &out)
            Self.appendString(kind, to: &out)
            if let report = file.reportID { Self.appendString(report, to: &out) }
            LEB128.append(UInt64(file.bytes.count), to: &out)
            out += digest
        }
        chunks.append(out)
        count += 1
    }

    /// The paths of all files, in the order they were put.
    func paths() -> [String] { decoded(entries: false) { record, _ in record.path } }

    /// The paths of the files written (not left as they were), in the order they were put.
    func writtenPaths() -> [String] { decoded(entries: false) { record, _ in record.written ? record.path : nil } }

    /// The manifest entries of the files that have one, in the order they were put.
    func entries() -> [Manifest.Entry] { decoded(entries: true) { _, entry in entry } }

    private struct Record {
        var path: String
        var written: Bool
    }

    /// What `pick` returns for each record, in order (nil: left out); the chunks are read on every core. Without
    /// `entries`, a record's entry is skipped, not decoded (`pick` gets nil).
    private func decoded<T: Sendable>(entries: Bool, _ pick: @escaping @Sendable (Record, Manifest.Entry?) -> T?) -> [T] {
        ParallelMap.map(chunks) { chunk in Self.decoded(chunk, entries: entries, pick) }.flatMap { $0 }
    }

    private static func decoded<T>(_ chunk: [UInt8], entries: Bool, _ pick: (Record, Manifest.Entry?) -> T?) -> [T] {
        var out: [T] = []
        chunk.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let flags = b[i]
                i += 1
                let path = Self.readString(b, at: &i)
                var entry: Manifest.Entry?
                if flags & Self.hasEntry != 0 {
                    if entries {
                        let url = Self.readString(b, at: &i)
                        let title = Self.readString(b, at: &i)
                        let kind = Self.readString(b, at: &i)
                        let report = flags & Self.hasReport != 0 ? Self.readString(b, at: &i) : nil
                        let size = Int(LEB128.read(b, at: &i))
                        let digest = Manifest.hex(UnsafeBufferPointer(rebasing: b[i..<i + 32]))
                        entry = Manifest.Entry(path: path, url: url, title: title, kind: kind, report: report, sha256: digest, size: size)
                    } else {
                        for _ in 0..<(flags & Self.hasReport != 0 ? 4 : 3) {   // url, title, kind (and report)
                            let length = Int(LEB128.read(b, at: &i))
                            i += length
                        }
                        _ = LEB128.read(b, at: &i)
                    }
                    i += 32
                }
                if let value = pick(Record(path: path, written: flags & Self.wasWritten != 0), entry) { out.append(value) }
            }
        }
        return out
    }

    private static func appendString(_ s: String, to out: inout [UInt8]) {
        LEB128.append(UInt64(s.utf8.count), to: &out)
        out += s.utf8
    }

    private static func readString(_ b: UnsafeBufferPointer<UInt8>, at i: inout Int) -> String {
        let n = Int(LEB128.read(b, at: &i))
        defer { i += n }
        return String(decoding: UnsafeBufferPointer(rebasing: b[i..<i + n]), as: UTF8.self)
    }
}
