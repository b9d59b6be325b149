import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiCore

/// `gongkai verify DIR`: proves a deployed copy is exactly what was published.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Compare a deployed copy of the site with a manifest; list changed, missing and extra files."
    )

    @Argument(help: "The deployed folder to verify.")
    var directory: String

    @Option(help: "The manifest to compare with (default: public/manifest.json of the site folder).")
    var manifest: String?

    @OptionGroup var site: SiteRootOption

    func run() throws {
        let dir = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let manifestURL = manifest.map { URL(fileURLWithPath: $0) } ?? site.url.appendingPathComponent("public/manifest.json")
        let loaded: Manifest
        do { loaded = try ManifestVerifier.load(manifestURL) } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        let report = ManifestVerifier(manifest: loaded).verify(dir)
        for path in report.changed { print("changed: \(path)") }
        for path in report.missing { print("missing: \(path)") }
        for path in report.extra { print("extra: \(path)") }
        if report.isIdentical {
            print("\(directory): all \(loaded.files.count) files match the manifest (site digest \(loaded.digest))")
        } else {
            print("\(report.changed.count) changed, \(report.missing.count) missing, \(report.extra.count) extra")
            throw ExitCode.failure
        }
    }
}
