/// The topics' rendered bodies, taken out of a site model for the search index, which lets each go as soon as it
/// has made that topic's document. A build hands the index its model's bodies once every page that shows them is
/// written, so that the whole site's HTML (about 60 MB at 10,000 pages) is not held while the index grows.
///
/// Each body is taken once, by one job, from any thread: the slots are separate memory, never resized.
final class TopicBodyStore: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<String>
    /// The first slot of each report's topics.
    private let firstSlot: [Int]

    /// Moves every topic's HTML out of `model` (each left empty there).
    init(taking model: inout SiteModel) {
        var first: [Int] = []
        var count = 0
        for report in model.reports {
            first.append(count)
            count += report.topics.count
        }
        firstSlot = first
        slots = .allocate(capacity: count)
        for r in model.reports.indices {
            for t in model.reports[r].topics.indices {
                let html = model.reports[r].topics[t].body.html
                model.reports[r].topics[t].body.html = ""
                slots.initializeElement(at: first[r] + t, to: html)
            }
        }
    }

    deinit {
        slots.deinitialize()  // whatever was not taken
        slots.deallocate()
    }

    /// The body of topic `topic` of report `report`, which the store lets go (a second take gives "").
    func take(report: Int, topic: Int) -> String {
        var html = ""
        swap(&html, &slots[firstSlot[report] + topic])
        return html
    }
}
