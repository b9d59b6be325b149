/// Tells a text file saved as GBK/GB18030 (what Windows' Notepad and WPS write on a Chinese system when asked for
/// "ANSI") from other bytes that are not UTF-8.
public enum EncodingGuess {
    /// Whether every byte of `bytes` above 0x7F belongs to a well-formed GB18030 character (two bytes 81–FE 40–FE
    /// without 7F, or four bytes 81–FE 30–39 81–FE 30–39) and there is at least one: the file reads as GB18030.
    public static func looksLikeGB18030(_ bytes: [UInt8]) -> Bool {
        var i = 0, characters = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            guard (0x81...0xFE).contains(b), i + 1 < bytes.count else { return false }
            let second = bytes[i + 1]
            if (0x40...0xFE).contains(second), second != 0x7F {
                i += 2
            } else if (0x30...0x39).contains(second), i + 3 < bytes.count,
                      (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) {
                i += 4
            } else {
                return false
            }
            characters += 1
        }
        return characters > 0
    }
}
