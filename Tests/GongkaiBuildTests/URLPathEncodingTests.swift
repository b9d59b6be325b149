import Foundation
@testable import GongkaiBuild
import Testing

/// The byte-level path encoder gives exactly what Foundation gives.
@Suite struct URLPathEncodingTests {
    @Test func sameAsFoundationForEveryASCIICharacterAndChineseText() {
        var samples = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        samples += ["xiangcheng-2024/01-yifa-lvzhi/", "报告/第一部分/", "a b%c?d#e", "项城市 2024/全文/", "é/ü/𠀋/", "", "/", "a;b=c&d"]
        for text in samples {
            #expect(URLPathEncoding.encode(text) == text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed), "\(text.debugDescription)")
        }
        #expect(URLPathEncoding.encode("报告/") == "%E6%8A%A5%E5%91%8A/")
    }
}
