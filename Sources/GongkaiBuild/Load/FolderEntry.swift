import Foundation

/// One entry of a site folder that may be read (`SiteFolder.entries`): a regular file, a link to a regular file
/// inside the site, or a folder.
struct FolderEntry: Sendable {
    /// The entry's name.
    let name: String
    /// Its location.
    let url: URL
    /// Whether it is a folder (a link never is).
    let isDirectory: Bool
}
