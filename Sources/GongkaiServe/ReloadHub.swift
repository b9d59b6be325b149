/// The open tabs' event streams: every subscriber gets the current build state first, then each event published.
/// A slow subscriber keeps only the newest events, so one stuck tab never holds memory or delays the others.
actor ReloadHub {
    private var subscribers: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
    private var nextID = 0
    private var state: ReloadEvent = .buildOK
    private var closed = false

    /// Creates a hub whose current state is a good build.
    init() {}

    /// A new stream of events, starting with the current state (`build-ok` or `build-error`).
    func subscribe() -> AsyncStream<ReloadEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ReloadEvent.self, bufferingPolicy: .bufferingNewest(32))
        continuation.yield(state)
        if closed {
            continuation.finish()
            return stream
        }
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return stream
    }

    /// Sends `event` to every subscriber; `build-ok` and `build-error` also become the state new subscribers get.
    func publish(_ event: ReloadEvent) {
        switch event {
        case .buildOK, .buildError: state = event
        case .reload, .heartbeat: break
        }
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Ends every stream and refuses new ones (server shutdown).
    func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// How many tabs are listening.
    var count: Int { subscribers.count }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }
}
