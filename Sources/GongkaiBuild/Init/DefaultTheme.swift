import Foundation

/// The default theme, embedded in the binary so `gongkai init` works without the source tree.
public enum DefaultTheme {
    /// The theme's files, decoded: path below `theme/` → bytes.
    public static func decodedFiles() -> [(path: String, bytes: [UInt8])] {
        files.compactMap { entry in
            guard let data = Data(base64Encoded: entry.base64) else { return nil }
            return (entry.path, [UInt8](data))
        }
    }
}
