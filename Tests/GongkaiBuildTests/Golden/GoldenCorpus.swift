import Foundation

/// The generated site of the corpus golden: N Chinese report pages in Gongkai's content format, with the shape of
/// the benchmark corpus (`Benchmarks/gen_corpus.py`): reports of 25 topics with `report.yaml`, `_index.md`, an
/// `indicators.yaml` whose quotes occur in the text, ~5 KB of prose with figures per topic, a GFM table in every
/// third topic and lists in some.
///
/// Written in Swift rather than run from the Python script so that the test suite needs no Python and its golden
/// cannot change with Python's random module: the same pages and seed give the same files on every machine. The
/// numbers come from SplitMix64 through the few helpers below (not the standard library's `random(in:using:)`,
/// whose algorithm is not promised to stay the same). The text is not byte-identical to the Python script's.
struct GoldenCorpus {
    /// Topic pages in all.
    var pages: Int
    /// The seed every report's and every page's numbers are drawn from.
    var seed: UInt64
    /// Topics per report.
    var topicsPerReport = 25

    private static let cities = ["东川市", "南江市", "西岭市", "北湖市", "清河县", "云山区", "临海市", "安平县", "青石区", "长宁市"]
    private static let series = ["法治政府建设年度报告", "政府信息公开工作年度报告"]
    private static let subjects = ["全市", "全区", "市政府", "各级各部门", "全系统", "市直各单位", "全县"]
    private static let verbs = ["深入推进", "全面落实", "持续优化", "扎实开展", "稳步推进", "大力实施", "不断完善", "切实加强", "统筹推进"]
    private static let objects = ["“放管服”改革", "营商环境建设", "政务服务标准化建设", "数字政府建设", "重点项目建设", "民生实事项目",
                                  "政务公开标准化规范化工作", "安全生产专项整治", "乡村振兴战略", "基层治理现代化", "“互联网+监管”工作"]
    /// Outcome clauses; `{n1}` … `{w1}` are replaced by figures (`figures(_:)`).
    private static let outcomes = ["共受理各类政务服务事项{n1}项", "按时办结率达{p1}%", "累计拨付专项资金{w1}万元", "惠及群众{n2}人次",
                                   "新增市场主体{n1}户", "主动公开政府信息{n1}条", "办理依申请公开{n4}件", "开展专项检查{n4}次",
                                   "发现问题{n3}个", "城镇新增就业{n2}人", "培训干部职工{n2}人次", "组织专题学习{n4}场"]
    private static let closers = ["各项工作取得明显成效。", "有效提升了行政效能和服务水平。", "为下一步工作奠定了坚实基础。", "社会满意度持续提升。"]
    private static let numerals = Array("一二三四五六七八九十")
    /// The clause an indicator quotes (the first figure in 项 of a topic's first paragraph).
    private static let quoted = "共受理各类政务服务事项"

    /// Every file of the corpus's `content/` folder, path (below the site root) → text, in the order written.
    func files() -> [(path: String, text: String)] {
        var out: [(path: String, text: String)] = [
            ("content/site.yaml", "title: 基准测试网站\nbase_url: https://www.example.gov.cn/bench/\norganisation: 基准测试市人民政府\n"),
        ]
        let reports = (pages + topicsPerReport - 1) / topicsPerReport
        var page = 0
        for rep in 0..<reports {
            let city = Self.cities[rep % Self.cities.count]
            let series = Self.series[rep % 2]
            // One series (city, series, rep % 7) has one report a year: its members are 70 reports apart.
            let year = 2015 + (rep / 70) % 10
            let block = rep < 700 ? "" : "·\(rep / 700)"
            let id = "r" + Self.padded(rep, 5)
            out.append(("content/\(id)/report.yaml", """
                title: \(city)\(year)年\(series)（\(rep + 1)）
                year: \(year)
                series: \(series)\(rep % 7)\(block)
                publisher: \(city)人民政府
                written: \(year + 1)-02-28
                published: \(year + 1)-03-20
                index_number: 000-\(year + 1)-\(Self.padded(rep, 5))
                category: 政务公开
                closing: [特此报告。, \(year + 1)年2月28日]

                """))
            out.append(("content/\(id)/_index.md", "\(year)年,\(city)坚持依法行政。现将有关情况报告如下:\n"))
            var indicators = ""
            for t in 0..<topicsPerReport where page < pages {
                var random = CorpusDraw(seed: seed &* 7_000_003 &+ UInt64(page))
                let body = topicBody(&random, index: page)
                let title = "\(Self.numerals[t % 10])、\(random.pick(Self.verbs))\(random.pick(Self.objects))（\(t + 1)）"
                let slug = Self.padded(t + 1, 2)
                out.append(("content/\(id)/\(slug).md", "---\ntitle: \"\(title)\"\norder: \(t + 1)\n---\n\(body)"))
                if let figure = Self.firstQuotedFigure(body) {
                    indicators += "  - id: shixiang-\(slug)\n    topic: \"\(slug)\"\n    label: 政务服务事项\n    value: \(figure)\n"
                        + "    unit: 项\n    written: \(figure)项\n    quote: \(Self.quoted)\(figure)项\n"
                }
                page += 1
            }
            out.append(("content/\(id)/indicators.yaml", indicators.isEmpty ? "indicators: []\n" : "indicators:\n" + indicators))
        }
        return out
    }

    /// Writes the corpus's `content/` below `root`.
    func write(to root: URL) throws {
        for file in files() {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
        }
    }

    /// A topic's Markdown: numbered `##` sections of 3–5 sentences until the body reaches `target` bytes.
    private func topicBody(_ random: inout CorpusDraw, index: Int, target: Int = 5000) -> String {
        var blocks: [String] = []
        var bytes = 0
        var sub = 0
        while bytes < target {
            blocks.append("## \(sub + 1).\(random.pick(Self.verbs))\(random.pick(Self.objects))。")
            blocks.append((0..<random.int(3...5)).map { _ in sentence(&random) }.joined())
            if sub == 0, index % 3 == 0 { blocks.append(table(&random)) }
            if random.chance(percent: 30) { blocks.append((0..<3).map { _ in "- " + sentence(&random) }.joined(separator: "\n")) }
            sub += 1
            bytes = blocks.joined(separator: "\n\n").utf8.count
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func sentence(_ random: inout CorpusDraw) -> String {
        let (first, second) = random.pickTwo(Self.outcomes)
        return "\(random.pick(Self.subjects))\(random.pick(Self.verbs))\(random.pick(Self.objects)),\(figures(first, &random)),\(figures(second, &random)),\(random.pick(Self.closers))"
    }

    private func table(_ random: inout CorpusDraw) -> String {
        var rows = ["| 指标名称 | 单位 | 目标值 | 完成值 |", "|:---|:---:|---:|---:|"]
        for k in 0..<random.int(4...8) {
            rows.append("| 指标\(k + 1) | 项 | \(random.int(100...9999)) | \(random.int(100...9999)) |")
        }
        return rows.joined(separator: "\n")
    }

    /// The clause with its placeholders replaced by figures.
    private func figures(_ clause: String, _ random: inout CorpusDraw) -> String {
        clause.replacingOccurrences(of: "{n1}", with: String(random.int(800...9999)))
            .replacingOccurrences(of: "{n2}", with: String(random.int(1000...99999)))
            .replacingOccurrences(of: "{n3}", with: String(random.int(20...999)))
            .replacingOccurrences(of: "{n4}", with: String(random.int(10...600)))
            .replacingOccurrences(of: "{p1}", with: random.hundredths(9500...10000))
            .replacingOccurrences(of: "{w1}", with: random.hundredths(5000...9_999_900))
    }

    /// The figure after "共受理各类政务服务事项" in the body's first paragraph (its first block after the heading).
    private static func firstQuotedFigure(_ body: String) -> String? {
        let blocks = body.components(separatedBy: "\n\n")
        guard blocks.count > 1, let start = blocks[1].range(of: quoted) else { return nil }
        let digits = blocks[1][start.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }

    private static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
