import Foundation
import GongkaiCore

/// A file or folder of the output that could not be written, with gongkai's own message (shown in the user's
/// language inside the message of the step that failed).
struct OutputFileError: Error, CustomStringConvertible, LocalizedError {
    /// What went wrong.
    let message: Message

    var description: String { message.text(.english) }
    var errorDescription: String? { description }
}
