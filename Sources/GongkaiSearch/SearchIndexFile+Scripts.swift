import GongkaiCore

/// The index's files: shards, files of page texts and the meta file, each a script calling `gongkaiSearch(name, data)`.
extension SearchIndexFile {
    /// The file of shard `i`: its keys (sorted) with their posting lists.
    static func shard<P: PostingListText>(_ i: Int, shards: Int, keys: [(key: UInt64, postings: P)]) -> SearchIndexFile {
        let width = String(shards - 1, radix: 16).count
        let name = shardName(i, width: width)
        var body = scriptStart(name, capacity: keys.reduce(64) { $0 + $1.postings.textCount + 16 })
        body.append(UInt8(ascii: "{"))
        for (j, entry) in keys.enumerated() {
            if j > 0 { body += Array(",\n".utf8) }
            body += Array(JSON.string(SearchPostings.keyString(entry.key)).utf8)
            body += [UInt8(ascii: ":"), UInt8(ascii: "\"")]
            entry.postings.appendText(to: &body)
            body.append(UInt8(ascii: "\""))
        }
        body.append(UInt8(ascii: "}"))
        return scriptEnd(name, &body)
    }

    /// `p/<hex>`, zero-padded to the width of the largest shard number.
    static func shardName(_ i: Int, width: Int) -> String {
        let hex = String(i, radix: 16)
        return "p/" + String(repeating: "0", count: width - hex.count) + hex
    }

    /// The entry of one document in its file: `{"u":url,"t":title,"b":[crumbs],"s":[[anchor,heading,text],…]}`,
    /// written as bytes.
    static func documentEntry(_ doc: SearchDocument) -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(doc.sections.reduce(256) { $0 + $1.utf8.count + 64 })
        json += Array("{\"u\":".utf8)
        JSON.append(doc.url, to: &json)
        json += Array(",\"t\":".utf8)
        JSON.append(doc.title, to: &json)
        json += Array(",\"b\":[".utf8)
        for (i, crumb) in doc.breadcrumb.enumerated() {
            if i > 0 { json.append(UInt8(ascii: ",")) }
            JSON.append(crumb, to: &json)
        }
        json += Array("],\"s\":[".utf8)
        for (i, section) in doc.sections.enumerated() {
            if i > 0 { json += [UInt8(ascii: ","), 0x0A] }
            json.append(UInt8(ascii: "["))
            JSON.append(section.anchor, to: &json)
            json.append(UInt8(ascii: ","))
            JSON.append(section.heading, to: &json)
            json.append(UInt8(ascii: ","))
            JSON.append(utf8: section.utf8, to: &json)
            json.append(UInt8(ascii: "]"))
        }
        json += Array("]}".utf8)
        return json
    }

    /// The file of documents `group * perFile` … (at most `perFile` of them): `d/<group>.js`, an array of their
    /// entries (`documentEntry`) in order, so that document `n` is entry `n % perFile` of file `n / perFile`.
    static func documents(group: Int, entries: [[UInt8]]) -> SearchIndexFile {
        let name = "d/\(group)"
        var bytes = scriptStart(name, capacity: entries.reduce(4) { $0 + $1.count + 2 })
        bytes.append(UInt8(ascii: "["))
        for (i, entry) in entries.enumerated() {
            if i > 0 { bytes += [UInt8(ascii: ","), 0x0A] }
            bytes += entry
        }
        bytes.append(UInt8(ascii: "]"))
        return scriptEnd(name, &bytes)
    }

    /// The start of the script file `name` (`gongkaiSearch("name",`), in a buffer for about `capacity` more bytes:
    /// the data is written after it and `scriptEnd` closes it, so that a large file is never copied whole.
    static func scriptStart(_ name: String, capacity: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity + name.utf8.count + 24)
        bytes += Array("gongkaiSearch(\"\(name)\",".utf8)
        return bytes
    }

    /// The script file `name` from `scriptStart`'s bytes followed by the data.
    static func scriptEnd(_ name: String, _ bytes: inout [UInt8]) -> SearchIndexFile {
        bytes += Array(");\n".utf8)
        return SearchIndexFile(path: "search/\(name).js", bytes: bytes)
    }

    /// The script file `name` with the JSON text `json`.
    static func script(_ name: String, _ json: String) -> SearchIndexFile {
        SearchIndexFile(path: "search/\(name).js", bytes: Array("gongkaiSearch(\"\(name)\",\(json));\n".utf8))
    }

    /// JSON text for strings (deterministic, only the escapes JSON and JavaScript need).
    enum JSON {
        static func string(_ s: String) -> String { TextEscaping.json(s) }
        static func append(_ s: String, to out: inout [UInt8]) { TextEscaping.appendJSON(s, to: &out) }
        static func append(utf8: [UInt8], to out: inout [UInt8]) { utf8.withUnsafeBufferPointer { TextEscaping.appendJSON(utf8: $0, to: &out) } }
    }
}
