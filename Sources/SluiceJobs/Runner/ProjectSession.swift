import Foundation
import Logging

/// A loaded project with its shared connections and runner: what one `sluice` command works
/// with. `close()` shuts the connections down.
public struct ProjectSession: Sendable {
    public let project: Project
    public let connections: ConnectionRegistry
    public let runner: JobRunner

    public static func open(
        at root: URL,
        logger: Logger,
        loader: ProjectLoader = ProjectLoader(),
        progress: ProgressOutput = .standardError
    ) throws -> ProjectSession {
        let project = try loader.load(at: root)
        let connections = ConnectionRegistry(project: project, drivers: loader.drivers, logger: logger)
        let runner = JobRunner(
            project: project,
            connections: connections,
            records: RunRecordLog(project: project),
            logger: logger,
            progress: progress
        )
        return ProjectSession(project: project, connections: connections, runner: runner)
    }

    /// Opens a session, runs `body` with it, and closes it whether `body` succeeds or throws.
    public static func with<Result>(
        at root: URL,
        logger: Logger,
        loader: ProjectLoader = ProjectLoader(),
        progress: ProgressOutput = .standardError,
        _ body: (ProjectSession) async throws -> Result
    ) async throws -> Result {
        let session = try open(at: root, logger: logger, loader: loader, progress: progress)
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }

    public func close() async {
        await connections.shutdown()
    }
}
