/// The lines a manifest's digest is the SHA-256 of — `sha256  path\n` for every entry, in order — kept one per
/// entry by `serve` between edits, so that an edit replaces, inserts or removes only its entries' lines instead of
/// writing 24,000 lines again.
struct ManifestDigestText: Sendable {
    /// One line per entry, in the entries' order.
    private var lines: [[UInt8]]

    /// The lines of `entries`.
    init(_ entries: [Manifest.Entry]) {
        lines = entries.map(Self.line)
    }

    /// The line of one entry.
    static func line(_ entry: Manifest.Entry) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entry.sha256.utf8.count + entry.path.utf8.count + 3)
        appendLine(entry, to: &out)
        return out
    }

    /// Appends the line of one entry to `out`.
    static func appendLine(_ entry: Manifest.Entry, to out: inout [UInt8]) {
        out += entry.sha256.utf8
        out += [0x20, 0x20]
        out += entry.path.utf8
        out.append(0x0A)
    }

    /// Entry `index` is now `entry`.
    mutating func replace(at index: Int, with entry: Manifest.Entry) { lines[index] = Self.line(entry) }

    /// `entry` is inserted at `index`.
    mutating func insert(_ entry: Manifest.Entry, at index: Int) { lines.insert(Self.line(entry), at: index) }

    /// Entry `index` is removed.
    mutating func remove(at index: Int) { lines.remove(at: index) }

    /// The whole text.
    var bytes: [UInt8] {
        let size = lines.reduce(0) { $0 + $1.count }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var o = 0
            for line in lines {
                line.withUnsafeBufferPointer { from in
                    if let source = from.baseAddress, let target = buffer.baseAddress { (target + o).update(from: source, count: from.count) }
                }
                o += line.count
            }
            count = o
        }
    }

    /// The digest: the hex SHA-256 of the text.
    var digest: String { Manifest.sha256(bytes) }
}
