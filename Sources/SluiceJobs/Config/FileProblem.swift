import Foundation

/// Why a configuration file could not be read, in words: missing, not readable (permissions),
/// or not UTF-8 text.
enum FileProblem {
    static func describe(_ url: URL) -> String {
        let manager = FileManager.default
        guard manager.fileExists(atPath: url.path) else { return "file not found" }
        guard manager.isReadableFile(atPath: url.path) else { return "file not readable (permission denied)" }
        return "cannot read the file as UTF-8 text"
    }
}
