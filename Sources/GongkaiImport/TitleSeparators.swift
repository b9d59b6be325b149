import Foundation

/// Characters that separate an article's title from the site's name in a page's `<title>` (`标题 - 项城市人民政府`).
enum TitleSeparators {
    /// `-`, `_`, `|`, `—` and their full-width forms.
    static let characters = CharacterSet(charactersIn: "-_|—－｜")
}
