import ArgumentParser
import Foundation

/// The `--root` option shared by the commands that work on a site.
struct SiteRootOption: ParsableArguments {
    @Option(name: .long, help: "The site folder (holding content/ and theme/).")
    var root: String = "."

    /// The root as a file URL.
    var url: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
}
