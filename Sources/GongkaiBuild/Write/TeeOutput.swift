/// Puts every file into two outputs (a build written to disk whose files a test also reads).
struct TeeOutput<A: SiteOutput, B: SiteOutput>: SiteOutput {
    let first: A
    let second: B

    func put(_ file: OutputFile) {
        first.put(file)
        second.put(file)
    }
}
