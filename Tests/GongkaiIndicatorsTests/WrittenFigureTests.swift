import Foundation
import Testing
@testable import GongkaiIndicators

@Suite struct WrittenFigureTests {
    @Test(arguments: [
        ("2530项", "2530", "项", nil, "2530"),
        ("99.15%", "99.15", "%", nil, "99.15"),
        ("3658.78万元", "3658.78", "万元", nil, "36587800"),
        ("140余场次", "140", "场次", "余", "140"),
        ("千余册", "1000", "册", "余", "1000"),
        ("90%以上", "90", "%", "以上", "90"),
        ("10.2万人", "10.2", "万人", nil, "102000"),
        ("55万条", "55", "万条", nil, "550000"),
        ("10万余份", "10", "万份", "余", "100000"),
        ("30多份", "30", "份", "多", "30"),
        ("不少于50人", "50", "人", "不少于", "50"),
        ("两千三百个", "2300", "个", nil, "2300"),
        ("一百二十名", "120", "名", nil, "120"),
        ("十五项", "15", "项", nil, "15"),
        ("三万人", "30000", "人", nil, "30000"),
    ] as [(String, String, String, String?, String)])
    func parses(_ text: String, _ number: String, _ unit: String, _ qualifier: String?, _ absolute: String) throws {
        let figure = try #require(WrittenFigure.parse(text))
        #expect(figure.number == Decimal(string: number))
        #expect(figure.unit == unit)
        #expect(figure.qualifier == qualifier)
        #expect(figure.absoluteValue == Decimal(string: absolute))
    }

    @Test func rejectsNonFigures() {
        for text in ["项", "", "十三五规划", "1.2.3项", "约", "5项5"] {
            #expect(WrittenFigure.parse(text) == nil, "\(text)")
        }
    }

    @Test func agreesAcrossScales() throws {
        let figure = try #require(WrittenFigure.parse("10.2万人"))
        #expect(figure.agrees(value: Decimal(string: "10.2")!, unit: "万人", qualifier: nil))
        #expect(figure.agrees(value: 102000, unit: "人", qualifier: nil))
        #expect(!figure.agrees(value: 102000, unit: "人次", qualifier: nil))
        #expect(!figure.agrees(value: Decimal(string: "10.2")!, unit: "万人", qualifier: "余"))
    }

    @Test func chineseNumerals() {
        #expect(ChineseNumeral.value(of: "千") == 1000)
        #expect(ChineseNumeral.value(of: "两千零五") == 2005)
        #expect(ChineseNumeral.value(of: "一亿二千万") == 120_000_000)
        #expect(ChineseNumeral.value(of: "十三五") == nil)
        #expect(ChineseNumeral.value(of: "二〇二四") == nil)
    }
}
