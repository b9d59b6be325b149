import Foundation
import Testing
@testable import GongkaiIndicators

@Suite struct ExportTests {
    static let sample = IndicatorSet([
        Indicator(id: "a", topic: "02/04", label: "为农民工追讨工资报酬", value: Decimal(string: "3658.78")!, unit: "万元",
                  written: "3658.78万元", quote: "累计为1658名农民工追讨工资报酬3658.78万元", key: true),
        Indicator(id: "b", topic: "02/04", label: "带\"引号\",逗号", value: 140, unit: "场次", qualifier: "余",
                  written: "140余场次", quote: "开展各类执法培训140余场次,培训人数\n达5000余人次"),
        Indicator(id: "c", topic: "02/06", label: "出庭应诉率", value: Decimal(string: "99.15")!, unit: "%",
                  written: "99.15%", quote: "行政机关负责人出庭应诉率99.15%", derive: .ratio("a", "b", decimals: 2)),
    ])

    /// Reads CSV as a spreadsheet does (RFC 4180).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, i = text.unicodeScalars.startIndex
        let s = text.unicodeScalars
        while i < s.endIndex {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    let next = s.index(after: i)
                    if next < s.endIndex, s[next] == "\"" { field += "\""; i = next } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r" {
                let next = s.index(after: i)
                if next < s.endIndex, s[next] == "\n" { i = next }
                row.append(field); rows.append(row); row = []; field = ""
            } else { field.unicodeScalars.append(c) }
            i = s.index(after: i)
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test func csvHasBOMChineseHeaderCRLFAndRFC4180Quoting() throws {
        let data = IndicatorExport.csv(Self.sample, topicTitles: ["02/04": "(四)全面推进严格规范公正文明执法"])
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = try #require(String(data: data.dropFirst(3), encoding: .utf8))
        #expect(text.hasPrefix("编号,专题,指标,数值,单位,限定词,原文写法,原文语句,重点指标,推算关系\r\n"))
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(text.contains("\"带\"\"引号\"\",逗号\""))
        let rows = Self.parseCSV(text)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == IndicatorExport.csvHeader.count })
        #expect(rows[1] == ["a", "(四)全面推进严格规范公正文明执法", "为农民工追讨工资报酬", "3658.78", "万元", "", "3658.78万元",
                            "累计为1658名农民工追讨工资报酬3658.78万元", "是", ""])
        #expect(rows[2][2] == "带\"引号\",逗号")
        #expect(rows[2][7] == "开展各类执法培训140余场次,培训人数\n达5000余人次")
        #expect(rows[3][1] == "专题 02/06")  // never a bare 02/06, which a spreadsheet would take for a date
        #expect(rows[3][9] == "为农民工追讨工资报酬 ÷ 带\"引号\",逗号 × 100%")
    }

    /// A field is quoted when a comma, quote, CR or LF byte is in it, or a space starts or ends it: also when a
    /// combining mark follows the comma (a CSV reader splits at the byte, whatever follows it).
    @Test func csvFieldQuotesAtTheBytesAReaderSplitsAt() {
        #expect(IndicatorExport.csvField("项城市") == "项城市")
        #expect(IndicatorExport.csvField("") == "")
        #expect(IndicatorExport.csvField("a,\u{301}b") == "\"a,\u{301}b\"")
        #expect(IndicatorExport.csvField("x\r\ny") == "\"x\r\ny\"")
        #expect(IndicatorExport.csvField("x\ry") == "\"x\ry\"")
        #expect(IndicatorExport.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(IndicatorExport.csvField(" \u{301}x") == "\" \u{301}x\"")
        #expect(IndicatorExport.csvField("x ") == "\"x \"")
        #expect(IndicatorExport.csvField("x\u{3000}") == "x\u{3000}")
    }

    /// Issue #31, item 8: a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or CR)
    /// gets a leading `'`; a plain negative number stays a number.
    @Test func csvCellsThatStartAFormulaAreNeutralised() throws {
        #expect(IndicatorExport.csvField("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(IndicatorExport.csvField("+1") == "'+1")
        #expect(IndicatorExport.csvField("-1+2") == "'-1+2")
        #expect(IndicatorExport.csvField("@SUM(A1)") == "'@SUM(A1)")
        #expect(IndicatorExport.csvField("\t=1") == "'\t=1")
        #expect(IndicatorExport.csvField("\r=1") == "\"'\r=1\"")
        #expect(IndicatorExport.csvField("-") == "'-")
        #expect(IndicatorExport.csvField("-.5") == "'-.5")
        #expect(IndicatorExport.csvField("-5.") == "'-5.")
        #expect(IndicatorExport.csvField("-0.5") == "-0.5")
        #expect(IndicatorExport.csvField("-12") == "-12")
        #expect(IndicatorExport.csvField("a=b") == "a=b")
        let set = IndicatorSet([
            Indicator(id: "x", topic: "02/04", label: "=cmd|' /C calc'!A0", value: Decimal(string: "-0.5")!, unit: "@",
                      written: "-0.5", quote: "+下降0.5"),
        ])
        let rows = Self.parseCSV(try #require(String(data: IndicatorExport.csv(set).dropFirst(3), encoding: .utf8)))
        #expect(rows[1][2] == "'=cmd|' /C calc'!A0")
        #expect(rows[1][3] == "-0.5")
        #expect(rows[1][4] == "'@")
        #expect(rows[1][6] == "-0.5")
        #expect(rows[1][7] == "'+下降0.5")
    }

    @Test func csvOfTheCommittedData() throws {
        let set = try CommittedDataTests.load()
        let data = IndicatorExport.csv(set)
        let rows = Self.parseCSV(try #require(String(data: data.dropFirst(3), encoding: .utf8)))
        #expect(rows.count == set.indicators.count + 1)
        for (row, indicator) in zip(rows.dropFirst(), set.indicators) {
            #expect(Decimal(string: row[3]) == indicator.value)
            #expect(row[7] == indicator.quote)
        }
    }

    @Test func jsonIsDeterministicSortedAndNumeric() throws {
        let a = IndicatorExport.json(Self.sample, report: ["title": "项城市2024年法治政府建设年度报告", "id": "xiangcheng-2024", "year": "2024"])
        let b = IndicatorExport.json(IndicatorSet(Self.sample.indicators), report: ["year": "2024", "id": "xiangcheng-2024", "title": "项城市2024年法治政府建设年度报告"])
        #expect(a == b)
        let object = try #require(try JSONSerialization.jsonObject(with: a) as? [String: Any])
        let list = try #require(object["indicators"] as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["a", "b", "c"])
        #expect((list[0]["value"] as? NSNumber)?.decimalValue == Decimal(string: "3658.78"))
        #expect(list[1]["qualifier"] as? String == "余")
        #expect(list[1]["quote"] as? String == "开展各类执法培训140余场次,培训人数\n达5000余人次")
        #expect(list[0]["qualifier"] is NSNull)
        let text = try #require(String(data: a, encoding: .utf8))
        #expect(text.contains("{\"id\":\"a\",\"key\":true,\"label\":\"为农民工追讨工资报酬\",\"qualifier\":null,"))
        #expect(text.contains("\"derive\":{\"decimals\":2,\"of\":[\"a\",\"b\"],\"op\":\"ratio\",\"percent\":true}"))
        #expect(text.contains("\"value\":3658.78,"))
    }
}
