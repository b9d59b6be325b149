#!/usr/bin/env python3
"""Deterministic benchmark corpus: N Chinese report pages in Gongkai's content format, and the same Markdown as a
Hugo site.

usage: gen_corpus.py N OUT [--seed S] [--topics-per-report T]

Writes OUT/gongkai/{content,theme?} (content only; the benchmark copies the default theme) and OUT/hugo/content.
Reports are folders of T topics (default 25): report.yaml, indicators.yaml (a few figures whose quotes occur in
the text), and NN.md topic pages with YAML front matter; every third page has a GFM table; pages are ~5 KB of prose
with figures (2530项, 99.15%, 3658.78万元 …). The same N and seed give byte-identical files.
"""
import argparse, os, random

CITIES = ["东川市", "南江市", "西岭市", "北湖市", "清河县", "云山区", "临海市", "安平县", "青石区", "长宁市"]
SERIES = ["法治政府建设年度报告", "政府信息公开工作年度报告"]
SUBJECTS = ["全市", "全区", "市政府", "各级各部门", "全系统", "市直各单位", "全县"]
VERBS = ["深入推进", "全面落实", "持续优化", "扎实开展", "稳步推进", "大力实施", "不断完善", "切实加强", "统筹推进"]
OBJECTS = ["“放管服”改革", "营商环境建设", "政务服务标准化建设", "数字政府建设", "重点项目建设", "民生实事项目",
           "政务公开标准化规范化工作", "安全生产专项整治", "乡村振兴战略", "基层治理现代化", "“互联网+监管”工作"]
OUTCOMES = ["共受理各类政务服务事项{n1}项", "按时办结率达{p1}%", "累计拨付专项资金{w1}万元", "惠及群众{n2}人次",
            "新增市场主体{n1}户", "主动公开政府信息{n1}条", "办理依申请公开{n4}件", "开展专项检查{n4}次",
            "发现问题{n3}个", "城镇新增就业{n2}人", "培训干部职工{n2}人次", "组织专题学习{n4}场"]
CLOSERS = ["各项工作取得明显成效。", "有效提升了行政效能和服务水平。", "为下一步工作奠定了坚实基础。", "社会满意度持续提升。"]
CN = "一二三四五六七八九十"


def nums(r):
    return {"n1": r.randint(800, 9999), "n2": r.randint(1000, 99999), "n3": r.randint(20, 999), "n4": r.randint(10, 600),
            "p1": f"{r.uniform(95, 100):.2f}", "w1": f"{r.uniform(50, 99999):.2f}"}


def sentence(r):
    parts = [o.format(**nums(r)) for o in r.sample(OUTCOMES, 2)]
    return f"{r.choice(SUBJECTS)}{r.choice(VERBS)}{r.choice(OBJECTS)},{parts[0]},{parts[1]},{r.choice(CLOSERS)}"


def table(r):
    rows = ["| 指标名称 | 单位 | 目标值 | 完成值 |", "|:---|:---:|---:|---:|"]
    for k in range(r.randint(4, 8)):
        rows.append(f"| 指标{k + 1} | 项 | {r.randint(100, 9999)} | {r.randint(100, 9999)} |")
    return "\n".join(rows)


def topic_body(r, index, target=5000):
    blocks = []
    sub = 0
    while len("\n\n".join(blocks).encode()) < target:
        blocks.append(f"## {sub + 1}.{r.choice(VERBS)}{r.choice(OBJECTS)}。")
        blocks.append("".join(sentence(r) for _ in range(r.randint(3, 5))))
        if sub == 0 and index % 3 == 0:
            blocks.append(table(r))
        if r.random() < 0.3:
            blocks.append("\n".join(f"- {sentence(r)}" for _ in range(3)))
        sub += 1
    return "\n\n".join(blocks) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20250401)
    ap.add_argument("--topics-per-report", type=int, default=25)
    a = ap.parse_args()
    per = a.topics_per_report
    g = os.path.join(a.out, "gongkai", "content")
    h = os.path.join(a.out, "hugo", "content")
    os.makedirs(g, exist_ok=True)
    os.makedirs(h, exist_ok=True)
    with open(os.path.join(g, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("title: 基准测试网站\nbase_url: https://www.example.gov.cn/bench/\norganisation: 基准测试市人民政府\n")
    reports = (a.n + per - 1) // per
    page = 0
    for rep in range(reports):
        r = random.Random(a.seed * 1_000_003 + rep)
        city = CITIES[rep % len(CITIES)]
        series = SERIES[rep % 2]
        # One publisher's series (city, series, rep % 7) has one report a year: its members are 70 reports apart, so
        # they get ten different years, and every further 700 reports start new series (a series has one report a
        # year; two are an error).
        year = 2015 + (rep // 70) % 10
        block = "" if rep < 700 else f"·{rep // 700}"
        rid = f"r{rep:05d}"
        d = os.path.join(g, rid)
        os.makedirs(d, exist_ok=True)
        hd = os.path.join(h, rid)
        os.makedirs(hd, exist_ok=True)
        with open(os.path.join(d, "report.yaml"), "w", encoding="utf-8") as f:
            f.write(f"title: {city}{year}年{series}（{rep + 1}）\nyear: {year}\nseries: {series}{rep % 7}{block}\npublisher: {city}人民政府\n"
                    f"written: {year + 1}-02-28\npublished: {year + 1}-03-20\nindex_number: 000-{year + 1}-{rep:05d}\ncategory: 政务公开\n"
                    f"closing: [特此报告。, {year + 1}年2月28日]\n")
        with open(os.path.join(d, "_index.md"), "w", encoding="utf-8") as f:
            f.write(f"{year}年,{city}坚持依法行政。现将有关情况报告如下:\n")
        indicators = []
        for t in range(per):
            if page >= a.n:
                break
            pr = random.Random(a.seed * 7_000_003 + page)
            body = topic_body(pr, page)
            title = f"{CN[t % 10]}、{pr.choice(VERBS)}{pr.choice(OBJECTS)}（{t + 1}）"
            slug = f"{t + 1:02d}"
            with open(os.path.join(d, f"{slug}.md"), "w", encoding="utf-8") as f:
                f.write(f'---\ntitle: "{title}"\norder: {t + 1}\n---\n{body}')
            with open(os.path.join(hd, f"{slug}.md"), "w", encoding="utf-8") as f:
                f.write(f'---\ntitle: "{title}"\nweight: {t + 1}\ndate: {year + 1}-03-20\n---\n{body}')
            # one indicator per topic: the first figure in 项 of its first paragraph
            para = body.split("\n\n")[1]
            idx = para.find("共受理各类政务服务事项")
            if idx >= 0:
                end = para.find("项", idx + 11)
                written = para[idx + 11:end + 1]
                quote = para[idx:end + 1]
                indicators.append(f"  - id: shixiang-{slug}\n    topic: \"{slug}\"\n    label: 政务服务事项\n    value: {written[:-1]}\n"
                                  f"    unit: 项\n    written: {written}\n    quote: {quote}\n")
            page += 1
        with open(os.path.join(d, "indicators.yaml"), "w", encoding="utf-8") as f:
            f.write("indicators:\n" + "".join(indicators) if indicators else "indicators: []\n")
    print(f"{page} pages in {reports} reports under {a.out}")


if __name__ == "__main__":
    main()
