#!/usr/bin/env python3
"""Writes a deterministic 10,000-page site in Gongkai's content format for the search benchmark.

    python3 Benchmarks/search/generate.py OUT [--pages 10000]

OUT/content/rNNN/ are 100 reports, each with 10 topics (NN/_index.md) of 9 sub-topics (NN/MM.md): 10,000 topic
pages of about 5 KB of Chinese prose with numbers, Latin words and headings. (Many reports rather than one: every
page carries its report's whole navigation tree, which for one 10,000-topic report would dominate the build.)
OUT/theme is copied from the repository."""
import argparse, os, random, shutil

WORDS = ("法治 政府 建设 依法 行政 推进 加强 完善 制度 机制 监督 执法 规范 服务 改革 创新 群众 企业 办理 审批 "
         "事项 平台 数据 共享 信息 公开 公平 公正 文明 严格 落实 责任 考核 评估 培训 学习 宣传 普法 调解 矛盾 "
         "纠纷 化解 诉讼 复议 应诉 出庭 负责人 合法性 审查 规范性 文件 备案 清理 决策 程序 听证 论证 风险 "
         "评估 公众 参与 专家 法律 顾问 营商 环境 优化 便民 利企 一网通办 一件事 窗口 线上 线下 基层 社区 乡镇 "
         "街道 农村 网格 治理 安全 生产 食品 药品 生态 环境 保护 市场 监管 双随机 一公开 信用 体系 失信 惩戒 "
         "联合 奖惩 社会 组织 工作 人员 队伍 素质 能力 水平 提升 全面 深入 持续 扎实 有效 积极 稳妥 重点 领域 "
         "关键 环节 突出 问题 整改 成效 经验 做法 典型 案例 示范 创建 活动 开展 组织 召开 会议 部署 安排 "
         "年度 计划 目标 任务 措施 保障 经费 人才 技术 信息化 智慧 系统 应用 覆盖 率 达到 累计 同比 增长").split()
RARE = ["欠薪", "追讨工资报酬", "项快办", "互联网+监管", "APP", "政务服务App", "12345热线", "2530万元", "行政复议申请",
        "无证明城市", "首违不罚", "容缺受理"]
NUMS = ["{}件", "{}次", "{}人次", "{}万元", "{}%", "{}个", "{}项", "{}家", "{}名"]


def sentence(rng):
    n = rng.randint(8, 18)
    words = []
    for _ in range(n):
        r = rng.random()
        if r < 0.08:
            words.append(rng.choice(NUMS).format(rng.choice([rng.randint(1, 99), rng.randint(100, 9999), round(rng.uniform(1, 100), 2)])))
        elif r < 0.095:
            words.append(rng.choice(RARE))
        else:
            # Zipf-like: a few words are everywhere, most are rarer.
            words.append(WORDS[int(len(WORDS) * rng.random() ** 2.5)])
    text = "".join(words)
    return text + rng.choice(["。", "。", "，" + rng.choice(WORDS) + rng.choice(WORDS) + "。", "；" + rng.choice(WORDS) + "。"])


def body(rng, size=5000):
    out, length, h = [], 0, 0
    while length < size:
        if length > 0 and rng.random() < 0.12:
            h += 1
            line = f"## {h}.{rng.choice(WORDS)}{rng.choice(WORDS)}{rng.choice(WORDS)}。"
        else:
            line = "".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        out.append(line)
        length += len(line.encode("utf-8"))
    return "\n\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=10000)
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    shutil.copytree(os.path.join(root, "theme"), os.path.join(args.out, "theme"))
    os.makedirs(os.path.join(args.out, "content"))
    open(os.path.join(args.out, "content", "site.yaml"), "w").write("title: 搜索基准测试网站\nbase_url: /\nlanguage: zh-CN\n")
    rng = random.Random(2024)
    written, r = 0, 0
    while written < args.pages:
        r += 1
        content = os.path.join(args.out, "content", f"r{r:03d}")
        os.makedirs(content)
        open(os.path.join(content, "report.yaml"), "w").write(
            f"title: 基准市第{r}号法治政府建设年度报告\nyear: 2024\nseries: 法治政府建设年度报告\n")
        open(os.path.join(content, "_index.md"), "w").write(f"2024年，基准市第{r}区坚持依法行政。现将有关情况报告如下：\n")
        for t in range(1, 11):
            if written >= args.pages:
                break
            folder = os.path.join(content, f"{t:02d}")
            os.makedirs(folder)
            open(os.path.join(folder, "_index.md"), "w").write(
                f"---\ntitle: \"{t}、{rng.choice(WORDS)}{rng.choice(WORDS)}{rng.choice(WORDS)}情况\"\n---\n" + body(rng))
            written += 1
            for s in range(1, 10):
                if written >= args.pages:
                    break
                open(os.path.join(folder, f"{s:02d}.md"), "w").write(
                    f"---\ntitle: \"({s}){rng.choice(WORDS)}{rng.choice(WORDS)}{rng.choice(RARE if (written % 17) == 0 else WORDS)}。\"\n---\n" + body(rng))
                written += 1
    print(f"wrote {written} topic pages in {r} reports into {args.out}/content")


if __name__ == "__main__":
    main()
