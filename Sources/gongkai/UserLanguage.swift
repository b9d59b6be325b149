import Foundation
import GongkaiCore

/// The language of every text this process prints: `--lang`, else `GONGKAI_LANG`, else the locale (`zh_*` → Chinese).
/// Read once from the environment and the command line; never changed afterwards.
let userLanguage = Language.resolve(environment: ProcessInfo.processInfo.environment, arguments: CommandLine.arguments)
