import GongkaiCore

/// How quotes are matched against a topic's text.
enum TextMatching {
    /// Removes line breaks (the source breaks lines inside words: 政\n务APP).
    static func normalized(_ text: String) -> String {
        String(decoding: normalized(utf8: Array(text.utf8)), as: UTF8.self)
    }

    /// `normalized` of UTF-8 bytes, as bytes.
    static func normalized(utf8 bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
                var o = 0
                for byte in bytes where byte != 0x0A && byte != 0x0D {
                    out[o] = byte
                    o += 1
                }
                count = o
            }
        }
    }

    /// True when `needle` occurs in the UTF-8 `text`, compared byte for byte (both normalized).
    static func contains(utf8 text: [UInt8], _ needle: String) -> Bool {
        UTF8Search.find(Array(needle.utf8), in: text) != nil
    }

    /// True when `needle` occurs in `text`, compared byte for byte (both normalized).
    static func contains(_ text: String, _ needle: String) -> Bool {
        UTF8Search.contains(text, needle)
    }

    /// Folds full-width punctuation to ASCII, to explain near misses.
    static func folded(_ text: String) -> String {
        let map: [Character: Character] = [
            "，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?", "％": "%", "．": ".",
        ]
        return String(normalized(text).map { map[$0] ?? $0 })
    }
}
