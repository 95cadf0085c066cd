import Foundation

/// The repository's test venv (`.venv`, made by `scripts/python-env`), where tests find Python with
/// the peer tools (pyarrow, the DataStax driver, cqlsh).
public enum TestVenv {
    /// The repository root, from this file's place in it.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.venv/bin/python`, when the venv exists.
    public static var python: URL? { tool("python") }

    /// An executable installed in the venv (cqlsh), if there.
    public static func tool(_ name: String) -> URL? {
        let url = repositoryRoot.appendingPathComponent(".venv/bin/\(name)")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }
}
