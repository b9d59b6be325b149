/// Word's automatic numbering (`word/numbering.xml`): the label a numbered paragraph shows (`一、`, `（一）`, `1.`),
/// which is not in the paragraph's text. Counts as Word does: per list, a level's counter restarts when a higher
/// level advances.
struct DocxNumbering {
    struct Level {
        var format = "decimal"
        var text = "%1."
        var start = 1
    }

    /// abstractNum id → levels by ilvl.
    private var abstracts: [String: [Int: Level]] = [:]
    /// num id → abstractNum id.
    private var instances: [String: String] = [:]
    /// Counters by abstractNum id, by ilvl.
    private var counters: [String: [Int: Int]] = [:]

    /// Reads numbering.xml (nil: the file has no numbering).
    init(xml: LibXMLDocument?) {
        guard let root = xml?.root else { return }
        for element in root.elements {
            if element.name == "abstractNum", let id = element.attribute("abstractNumId") {
                var levels: [Int: Level] = [:]
                for lvl in element.elements where lvl.name == "lvl" {
                    guard let ilvl = lvl.attribute("ilvl").flatMap(Int.init) else { continue }
                    var level = Level()
                    if let f = lvl.element("numFmt")?.attribute("val") { level.format = f }
                    if let t = lvl.element("lvlText")?.attribute("val") { level.text = t }
                    if let s = lvl.element("start")?.attribute("val").flatMap(Int.init) { level.start = s }
                    levels[ilvl] = level
                }
                abstracts[id] = levels
            } else if element.name == "num", let id = element.attribute("numId"),
                      let abstract = element.element("abstractNumId")?.attribute("val") {
                instances[id] = abstract
            }
        }
    }

    /// The label of the next paragraph numbered `numID` at level `ilvl` (advancing the counters), or nil.
    mutating func label(numID: String, ilvl: Int) -> String? {
        guard numID != "0", let abstract = instances[numID], let levels = abstracts[abstract], let level = levels[ilvl] else { return nil }
        var counts = counters[abstract] ?? [:]
        counts[ilvl] = (counts[ilvl] ?? (level.start - 1)) + 1
        for deeper in counts.keys where deeper > ilvl { counts[deeper] = nil }
        counters[abstract] = counts
        if level.format == "bullet" || level.format == "none" { return nil }
        var out = level.text
        for k in (0...8).reversed() where out.contains("%\(k + 1)") {
            let l = levels[k] ?? Level()
            let n = counts[k] ?? l.start
            out = out.replacingOccurrences(of: "%\(k + 1)", with: Self.format(n, as: l.format))
        }
        return out
    }

    static let chineseDigits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let legalDigits = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]

    /// `n` written in Word's number format `format`.
    static func format(_ n: Int, as format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting", "taiwaneseCountingThousand":
            return chinese(n, digits: chineseDigits, ten: "十")
        case "chineseLegalSimplified": return chinese(n, digits: legalDigits, ten: "拾")
        case "ideographDigital", "taiwaneseDigital": return String(n).map { chineseDigits[Int(String($0)) ?? 0] }.joined()
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String.UnicodeScalarView(String(n).unicodeScalars.compactMap { Unicode.Scalar($0.value - 0x30 + 0xFF10) }))
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(n) ? String(Character(Unicode.Scalar(0x2460 + UInt32(n) - 1) ?? "0")) : String(n)
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "upperLetter", "lowerLetter":
            let letter = Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
            let s = String(repeating: letter, count: (n - 1) / 26 + 1)
            return format == "upperLetter" ? s : s.lowercased()
        case "upperRoman", "lowerRoman":
            let s = roman(n)
            return format == "upperRoman" ? s : s.lowercased()
        default: return String(n)
        }
    }

    /// 1 … 99 in Chinese numerals (十, 十一, 二十).
    static func chinese(_ n: Int, digits: [String], ten: String) -> String {
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10, units = n % 10
        return (tens == 1 ? "" : digits[tens]) + ten + (units == 0 ? "" : digits[units])
    }

    static func roman(_ n: Int) -> String {
        let table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                     (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n, out = ""
        for (value, letters) in table { while rest >= value { out += letters; rest -= value } }
        return out
    }
}
