/// All indicators of one report, in file order.
public struct IndicatorSet: Sendable, Hashable {
    /// The indicators, in the order the data file lists them.
    public var indicators: [Indicator]

    /// Creates a set.
    public init(_ indicators: [Indicator] = []) {
        self.indicators = indicators
    }

    /// The indicator with `id` (the first, if an id is duplicated).
    public subscript(id: String) -> Indicator? {
        indicators.first { $0.id == id }
    }

    /// The indicators of one topic, in file order.
    public func indicators(topic: String) -> [Indicator] {
        indicators.filter { $0.topic == topic }
    }

    /// The ones marked `key: true`, for the report overview.
    public var keyIndicators: [Indicator] { indicators.filter(\.key) }

    /// Topic ids in order of first appearance.
    public var topics: [String] {
        var seen = Set<String>()
        return indicators.compactMap { seen.insert($0.topic).inserted ? $0.topic : nil }
    }

    /// The indicators grouped by topic, topics in order of first appearance (for the indicators page).
    public var byTopic: [(topic: String, indicators: [Indicator])] {
        topics.map { topic in (topic, indicators(topic: topic)) }
    }

    /// True when there are none.
    public var isEmpty: Bool { indicators.isEmpty }
}
