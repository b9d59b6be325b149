/// The languages gongkai speaks to its user: Chinese for a Chinese locale, English otherwise.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case english = "en"
    case chinese = "zh"

    /// The language chosen by an explicit `--lang` argument, else `GONGKAI_LANG`, else the POSIX locale
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`): `zh*` is Chinese, anything else English.
    public static func resolve(environment: [String: String], arguments: [String] = []) -> Language {
        if let explicit = LanguageArgument.value(in: arguments), let language = Language(code: explicit) { return language }
        if let explicit = environment["GONGKAI_LANG"], let language = Language(code: explicit) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .chinese : .english
        }
        return .english
    }

    /// `zh`, `zh_CN.UTF-8`, `zh-Hans`, `chinese`, `中文` → Chinese; `en…`, `c`, `posix` → English; anything else nil.
    public init?(code: String) {
        let code = code.lowercased()
        if code.hasPrefix("zh") || code == "chinese" || code == "中文" { self = .chinese; return }
        if code.hasPrefix("en") || code == "c" || code == "posix" || code == "english" { self = .english; return }
        return nil
    }
}
