/// A golden test's failure, with the whole readable message (the diff included).
struct GoldenError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
