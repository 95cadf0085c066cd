import Foundation

/// Which folder a command works on: `--project`, else `$SLUICE_PROJECT`, else the current folder.
public enum ProjectLocation {
    public static func root(
        explicit: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        let path = explicit ?? environment["SLUICE_PROJECT"] ?? "."
        return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }
}
