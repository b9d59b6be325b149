/// The global `--lang zh|en` (or `--lang=zh`) argument, read before the command line is parsed.
public enum LanguageArgument {
    /// The value of the last `--lang` in `arguments`, if any.
    public static func value(in arguments: [String]) -> String? {
        var found: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.endIndex {
                found = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix("--lang=") { found = String(argument.dropFirst("--lang=".count)) }
            index += 1
        }
        return found
    }

    /// `arguments` without any `--lang` and its value (ArgumentParser never sees it).
    public static func removing(from arguments: [String]) -> [String] {
        var kept: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { kept.append(contentsOf: arguments[index...]); break }
            if argument == "--lang", index + 1 < arguments.endIndex { index += 2; continue }
            if !argument.hasPrefix("--lang=") { kept.append(argument) }
            index += 1
        }
        return kept
    }
}
