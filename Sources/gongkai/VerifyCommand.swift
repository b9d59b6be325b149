import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore

/// `gongkai verify DIR`: proves a deployed copy is exactly what was published, against a manifest or a digest kept
/// on the build side.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Compare a deployed copy of the site with the build's manifest; list changed, missing and extra files, folders and links.",
        discussion: "Give the manifest kept on the build side (--manifest public/manifest.json) or the site digest the build printed (--digest). The deployed copy's own manifest.json is never trusted: it is compared with the build's byte for byte."
    )

    @Argument(help: "The deployed folder to verify.")
    var directory: String

    @Option(help: "The build's manifest to compare with (default: public/manifest.json of the site folder).")
    var manifest: String?

    @Option(help: "The site digest the build printed (SHA-256, 64 hex digits): the deployed manifest.json must have it.")
    var digest: String?

    @OptionGroup var site: SiteRootOption

    func validate() throws {
        if manifest != nil && digest != nil { throw ValidationError("give --manifest or --digest, not both") }
        if let digest, digest.utf8.count != 64 || !digest.lowercased().utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
            throw ValidationError("--digest must be the 64 hex digits of a SHA-256")
        }
    }

    func run() throws {
        let dir = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let loaded: Manifest
        var notes: [Diagnostic] = []
        do {
            if let digest {
                loaded = try ManifestVerifier.load(deployedIn: dir, digest: digest)
            } else {
                let manifestURL = manifest.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? site.url.appendingPathComponent("public/manifest.json")
                loaded = try ManifestVerifier.load(manifestURL)
                if manifestURL.deletingLastPathComponent().resolvingSymlinksInPath().path == dir.resolvingSymlinksInPath().path {
                    notes.append(.warning("this compares the folder with its own manifest, which shows only that the two agree; to verify a deployed copy, give the manifest kept on the build side (--manifest) or the digest the build printed (--digest)",
                                          at: SourceLocation(path: manifestURL.path, line: 1, column: 1)))
                }
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        let report = ManifestVerifier(manifest: loaded).verify(dir)
        DiagnosticPrinter.print(notes + report.diagnostics(in: directory))
        if report.isIdentical {
            print("\(directory): all \(loaded.files.count) files match the build's manifest, and nothing else is there (site digest \(report.digest), recomputed from the files)")
        } else {
            var parts = ["\(report.changed.count) changed", "\(report.missing.count) missing", "\(report.extra.count) extra"]
            if !report.extraFolders.isEmpty { parts.append("\(report.extraFolders.count) extra folders") }
            if !report.symlinks.isEmpty { parts.append("\(report.symlinks.count) symbolic links") }
            if !report.special.isEmpty { parts.append("\(report.special.count) not plain files") }
            if report.manifestProblem != nil { parts.append("manifest.json not the build's") }
            print("\(directory): does not match the build: " + parts.joined(separator: ", ") + " (site digest recomputed from the files: \(report.digest); the build's: \(loaded.digest))")
            throw ExitCode.failure
        }
    }
}
