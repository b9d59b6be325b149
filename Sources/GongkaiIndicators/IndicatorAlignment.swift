/// Lines a new report's drafted figures up with those of the same publisher's other years, so that `import` of an
/// earlier or later year gives ready year-over-year comparisons without hand-editing ids.
///
/// A drafted figure takes the id of an earlier or later year's indicator when the units can be compared
/// (``IndicatorSeries/comparable(_:_:)``) and
/// - **same**: that indicator's quote, its figure set aside, occurs in the new clause with the new figure in the same
///   place (`人员#` in `下沉至街道编制188名、人员#`), or the two labels are equal; it then also takes the curated label
///   and `key`;
/// - **close**: otherwise, when the two clauses (figures set aside) share at least ``closeThreshold`` of their
///   character pairs (Dice coefficient); it keeps its own label and is listed for review.
/// Each id is given to one figure at most, best matches first. A figure that matches nothing gets an id of its own
/// that no other year uses (``IndicatorID``), so it cannot be joined by accident.
public enum IndicatorAlignment {
    /// One other report of the series.
    public struct OtherYear: Sendable, Hashable {
        /// The report's year.
        public var year: Int
        /// Its folder (`xiangcheng-2024`), for messages.
        public var reportID: String
        /// Its indicators.
        public var indicators: IndicatorSet

        /// Creates one.
        public init(year: Int, reportID: String, indicators: IndicatorSet) {
            self.year = year
            self.reportID = reportID
            self.indicators = indicators
        }
    }

    /// How a drafted figure was matched.
    public enum Match: Sendable, Hashable {
        /// The same figure as `other`'s in `year`.
        case same(year: Int, reportID: String, other: Indicator)
        /// Probably the same figure as `other`'s; a person should check (`score`: 0…1).
        case close(year: Int, reportID: String, other: Indicator, score: Double)
    }

    /// The aligned draft and what happened to each figure.
    public struct Result: Sendable, Hashable {
        /// The draft with ids (and, for same matches, labels and `key`) taken from the other years.
        public var indicators: IndicatorSet
        /// For each drafted figure in order: its match, or nil (a new figure).
        public var matches: [Match?]

        /// Creates a result.
        public init(indicators: IndicatorSet, matches: [Match?]) {
            self.indicators = indicators
            self.matches = matches
        }

        /// Figures matched as the same.
        public var sameCount: Int { matches.filter { if case .same = $0 { true } else { false } }.count }
        /// Figures matched as close (to review).
        public var close: [(draft: Indicator, match: Match)] {
            zip(indicators.indicators, matches).compactMap { pair in
                if case .close = pair.1, let match = pair.1 { return (pair.0, match) }
                return nil
            }
        }
        /// Figures matched with nothing.
        public var newCount: Int { matches.filter { $0 == nil }.count }
    }

    /// The smallest share of shared character pairs for a close match.
    public static let closeThreshold = 0.6

    /// Aligns `draft` with `others` (the same publisher's other years; nearer years are preferred on ties).
    public static func align(_ draft: IndicatorSet, year: Int, with others: [OtherYear]) -> Result {
        let drafts = draft.indicators
        struct Candidate { let year: Int; let reportID: String; let indicator: Indicator; let masked: [Character] }
        // One candidate per id: the year nearest to the new report's (its wording is likeliest to match).
        var byID: [String: Candidate] = [:]
        for other in others.sorted(by: { abs($0.year - year) > abs($1.year - year) }) {
            for indicator in other.indicators.indicators {
                byID[indicator.id] = Candidate(year: other.year, reportID: other.reportID, indicator: indicator,
                                               masked: masked(indicator))
            }
        }
        let candidates = byID.keys.sorted().compactMap { byID[$0] }
        let draftMasked = drafts.map(masked)

        var assigned = [Match?](repeating: nil, count: drafts.count)
        var claimed = Set<String>()
        // Same: containment (longest quotes first) or equal labels.
        var same: [(score: Int, d: Int, c: Int)] = []
        for (d, indicator) in drafts.enumerated() {
            for (c, candidate) in candidates.enumerated() where IndicatorSeries.comparable(indicator.unit, candidate.indicator.unit) {
                let pattern = candidate.masked
                if pattern.count >= 3, contains(draftMasked[d], pattern) {
                    same.append((pattern.count * 2 + 1, d, c))
                } else if !indicator.label.isEmpty, indicator.label == candidate.indicator.label {
                    same.append((indicator.label.count * 2, d, c))
                }
            }
        }
        for pair in same.sorted(by: { ($0.score, -$0.d, -$0.c) > ($1.score, -$1.d, -$1.c) }) {
            let candidate = candidates[pair.c]
            guard assigned[pair.d] == nil, !claimed.contains(candidate.indicator.id) else { continue }
            assigned[pair.d] = .same(year: candidate.year, reportID: candidate.reportID, other: candidate.indicator)
            claimed.insert(candidate.indicator.id)
        }
        // Close: the share of shared character pairs.
        var close: [(score: Double, d: Int, c: Int)] = []
        for (d, indicator) in drafts.enumerated() where assigned[d] == nil {
            let pairs = bigrams(draftMasked[d])
            for (c, candidate) in candidates.enumerated() where !claimed.contains(candidate.indicator.id)
                && IndicatorSeries.comparable(indicator.unit, candidate.indicator.unit) {
                let score = dice(pairs, bigrams(candidate.masked))
                if score >= closeThreshold { close.append((score, d, c)) }
            }
        }
        for pair in close.sorted(by: { ($0.score, -$0.d, -$0.c) > ($1.score, -$1.d, -$1.c) }) {
            let candidate = candidates[pair.c]
            guard assigned[pair.d] == nil, !claimed.contains(candidate.indicator.id) else { continue }
            assigned[pair.d] = .close(year: candidate.year, reportID: candidate.reportID, other: candidate.indicator, score: pair.score)
            claimed.insert(candidate.indicator.id)
        }

        // Ids: matched ones from the other years; new ones not used by any year.
        var taken = Set(candidates.map(\.indicator.id))
        var out: [Indicator] = []
        for (d, var indicator) in drafts.enumerated() {
            switch assigned[d] {
            case .same(_, _, let other)?:
                indicator.id = other.id
                indicator.label = other.label
                indicator.key = other.key
            case .close(_, _, let other, _)?:
                indicator.id = other.id
            case nil:
                indicator.id = IndicatorID.make(label: indicator.label, unit: indicator.unit, taken: &taken)
            }
            out.append(indicator)
        }
        return Result(indicators: IndicatorSet(out), matches: assigned)
    }

    /// The quote with its figure (`written`, first occurrence) replaced by `#`, blanks removed.
    static func masked(_ indicator: Indicator) -> [Character] {
        let quote = Array(indicator.quote.filter { !$0.isWhitespace })
        let figure = Array(indicator.written.filter { !$0.isWhitespace })
        guard !figure.isEmpty, figure.count <= quote.count else { return quote }
        for start in 0...(quote.count - figure.count) where Array(quote[start..<(start + figure.count)]) == figure {
            return Array(quote[..<start]) + ["#"] + Array(quote[(start + figure.count)...])
        }
        return quote
    }

    private static func contains(_ text: [Character], _ pattern: [Character]) -> Bool {
        guard pattern.count <= text.count else { return false }
        for start in 0...(text.count - pattern.count) where Array(text[start..<(start + pattern.count)]) == pattern { return true }
        return false
    }

    private static func bigrams(_ chars: [Character]) -> [String: Int] {
        var out: [String: Int] = [:]
        for i in chars.indices.dropLast() { out[String(chars[i]) + String(chars[i + 1]), default: 0] += 1 }
        return out
    }

    /// 2 × shared pairs / all pairs.
    private static func dice(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        guard total > 0 else { return 0 }
        var shared = 0
        for (pair, n) in a { shared += min(n, b[pair] ?? 0) }
        return Double(2 * shared) / Double(total)
    }
}
