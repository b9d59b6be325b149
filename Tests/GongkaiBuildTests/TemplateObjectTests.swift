import Testing
@testable import GongkaiBuild

struct TemplateObjectTests {
    /// Names are looked up as Swift compares strings, whatever the shortcut for ASCII names: setting a name again
    /// replaces its value at its first place, and canonically equivalent spellings are one name (U+212A KELVIN
    /// SIGN is `K`; é precomposed is e + U+0301), in either order of setting.
    @Test func namesAreComparedAsStrings() {
        var object: TemplateObject = ["title": .text("a"), "href": .text("b"), "title2": .text("c")]
        object["href"] = .text("B")
        object["hrefs"] = .text("d")
        #expect(object.names == ["title", "href", "title2", "hrefs"])
        #expect(object["href"].map { "\($0)" } == "\(TemplateValue.text("B"))")
        object["title2"] = nil
        #expect(object.names == ["title", "href", "hrefs"])

        var kelvin = TemplateObject()
        kelvin["K"] = .text("ascii")
        kelvin["\u{212A}"] = .text("kelvin")
        #expect(kelvin.names == ["K"])
        kelvin["x"] = .text("x")
        #expect(kelvin["\u{212A}"].map { "\($0)" } == "\(TemplateValue.text("kelvin"))")

        var accents = TemplateObject()
        accents["caf\u{E9}"] = .text("composed")
        accents["cafe\u{301}"] = .text("decomposed")
        accents["K"] = .text("k")
        accents["\u{212A}"] = .text("kelvin")
        #expect(accents.names == ["caf\u{E9}", "K"])
        #expect(accents["K"].map { "\($0)" } == "\(TemplateValue.text("kelvin"))")
    }
}
