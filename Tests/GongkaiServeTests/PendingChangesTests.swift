import Testing
@testable import GongkaiServe
#if canImport(Glibc)
import Glibc
#endif

/// The watcher waits the whole debounce only while a change may go on; once every path's latest event completed its
/// change, only the short settle wait is left. Paths come out once each, in the order first seen.
@Suite struct PendingChangesTests {
    @Test func nothingPendingWaitsIdle() {
        let pending = PendingChanges()
        #expect(pending.isEmpty)
        #expect(pending.wait(debounce: 15, settle: 2, idle: 200) == 200)
    }

    @Test func aWriteInProgressWaitsTheDebounceAndItsCloseOnlyTheSettle() {
        var pending = PendingChanges()
        pending.add("content/a/01.md", .ongoing)   // truncate
        #expect(pending.wait(debounce: 15, settle: 2, idle: 200) == 15)
        pending.add("content/a/01.md", .ongoing)   // write
        #expect(pending.wait(debounce: 15, settle: 2, idle: 200) == 15)
        pending.add("content/a/01.md", .complete)  // close after writing
        #expect(pending.isSettled)
        #expect(pending.wait(debounce: 15, settle: 2, idle: 200) == 2)
        #expect(pending.take() == ["content/a/01.md"])
        #expect(pending.isEmpty)
        #expect(pending.wait(debounce: 15, settle: 2, idle: 200) == 200)
    }

    @Test func oneUnfinishedPathKeepsTheWholeBatchWaiting() {
        var pending = PendingChanges()
        pending.add("content/a/01.md", .complete)
        pending.add("content/a/02.md", .ongoing)
        #expect(!pending.isSettled)
        #expect(pending.wait(debounce: 15, settle: 2, idle: 200) == 15)
        // A later event on a finished path does not finish the other one.
        pending.add("content/a/01.md", .complete)
        #expect(pending.wait(debounce: 15, settle: 2, idle: 200) == 15)
        // A finished path written again is unfinished again.
        pending.add("content/a/02.md", .complete)
        pending.add("content/a/01.md", .ongoing)
        #expect(pending.wait(debounce: 15, settle: 2, idle: 200) == 15)
        pending.add("content/a/01.md", .complete)
        #expect(pending.wait(debounce: 15, settle: 2, idle: 200) == 2)
        #expect(pending.take() == ["content/a/01.md", "content/a/02.md"])
    }

    @Test func theSettleWaitIsNeverLongerThanTheDebounce() {
        var pending = PendingChanges()
        pending.add("theme/assets/site.css", .complete)
        #expect(pending.wait(debounce: 1, settle: 2, idle: 200) == 1)
    }

    #if canImport(Glibc)
    @Test func inotifyEventsAreClassified() {
        for mask in [IN_CLOSE_WRITE, IN_MOVED_TO, IN_DELETE, IN_DELETE_SELF, IN_MOVE_SELF, IN_ATTRIB] {
            #expect(InotifyWatcher.event(UInt32(mask)) == .complete, "mask \(mask)")
        }
        for mask in [IN_MODIFY, IN_CREATE, IN_MOVED_FROM] {
            #expect(InotifyWatcher.event(UInt32(mask)) == .ongoing, "mask \(mask)")
        }
        // A folder created, moved or removed is complete at once (its files bring their own events).
        #expect(InotifyWatcher.event(UInt32(IN_CREATE) | UInt32(IN_ISDIR)) == .complete)
        #expect(InotifyWatcher.event(UInt32(IN_MOVED_FROM) | UInt32(IN_ISDIR)) == .complete)
    }
    #endif
}
