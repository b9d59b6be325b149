import Foundation
import ServiceLifecycle

/// The service that keeps the preview current: it watches `content/` and `theme/`, rebuilds after each batch of
/// changes, and sends a heartbeat to the open tabs. On graceful shutdown it stops watching and ends every event
/// stream, so the HTTP server (shut down after it) has no long-lived response left to wait for.
struct RebuildService: Service {
    /// Builds and publishes.
    let rebuilder: SiteRebuilder
    /// The watcher, already started.
    let watcher: SiteWatcher
    /// The time between heartbeats.
    var heartbeat: Duration = .seconds(15)

    func run() async {
        let hub = rebuilder.hub
        let heartbeat = self.heartbeat
        await withDiscardingTaskGroup { group in
            group.addTask {
                while (try? await Task.sleep(for: heartbeat)) != nil {
                    await hub.publish(.heartbeat)
                }
            }
            await withGracefulShutdownHandler {
                for await batch in watcher.changes {
                    await rebuilder.rebuild(trigger: batch)
                }
            } onGracefulShutdown: {
                watcher.stop()
            }
            group.cancelAll()
        }
        watcher.stop()
        await hub.close()
    }
}
