import Foundation
import GongkaiCore
import Testing
@testable import GongkaiImport

/// Issue #31, item 4: seeded random-mutation fuzzing of the importer (decoding, outline, metadata, the indicator
/// draft), bounded by time (`GONGKAI_FUZZ_SECONDS`, default 8 s). Every input gives a plan or located errors.
@Suite struct ImporterFuzzTests {
    @Test(.timeLimit(.minutes(2))) func importerPlans() throws {
        var fuzzer = FuzzMutator(seed: 0x31_1A, tokens: ["一、", "二、", "（一）", "(二)", "1.", "1．", "（1）", "。", "\n", "\r\n", "　　", "特此报告。\n",
                                                       "2025年2月28日", "\u{200B}", "\u{202E}", "\u{2066}", "\u{FEFF}", "*", "[", "](", "#", "<", "&a ", "99.15%", "共计36项"])
        let source = String(decoding: try TestSupport.source2024(), as: UTF8.self)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let seeds = ["测试市2024年工作报告\n\n一、总体情况\n　　全年办理事项2530项。\n（一）加强学习。一是……\n1.深化改革。\n\n二、存在问题\n特此报告。\n\n测试市人民政府\n2025年2月28日\n",
                     lines.prefix(8).joined(separator: "\n")]
        let importer = ReportImporter()
        let ran = fuzzer.run(seeds: seeds) { input in
            do throws(DiagnosticError) {
                let plan = try importer.plan(bytes: input, path: "fuzz.txt")
                for d in plan.diagnostics { #expect(d.location.line >= 1 && d.location.column >= 1, "\(d)") }
            } catch {
                #expect(!error.diagnostics.isEmpty)
                for d in error.diagnostics { #expect(d.location.line >= 1 && d.location.column >= 1, "\(d) for \(input)") }
            }
        }
        #expect(ran > 50, "only \(ran) inputs in the time given")
    }
}
