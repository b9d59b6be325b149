/// How quotes are matched against a topic's text.
enum TextMatching {
    /// Removes line breaks (the source breaks lines inside words: 政\n务APP).
    static func normalized(_ text: String) -> String {
        String(text.filter { $0 != "\n" && $0 != "\r" && $0 != "\r\n" })
    }

    /// Folds full-width punctuation to ASCII, to explain near misses.
    static func folded(_ text: String) -> String {
        let map: [Character: Character] = [
            "，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?", "％": "%", "．": ".",
        ]
        return String(normalized(text).map { map[$0] ?? $0 })
    }
}
