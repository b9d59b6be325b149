/// The version of gongkai, the one place it is written: `gongkai --version` prints it, and `make dist`
/// (scripts/dist.sh) asks the built binary for it to name the package (`dist/gongkai_<version>_<arch>.deb`).
/// Debian version syntax: digits and dots, raised for every package handed out.
enum GongkaiVersion {
    static let current = "0.1.0"
}
