import Foundation
import SluiceCore
import SluiceStorage

/// What a task kind can consult while it reads a task's settings: the job's folder and the
/// project's connections, with helpers that report problems at the right key.
public struct TaskConfigurationContext {
    public let projectRoot: URL
    public let jobDirectory: URL
    public let connections: [ConnectionConfig]
    public let drivers: ConnectionDriverRegistry

    /// The connection named by `node`, if it exists and has `role`; reports otherwise.
    public func connection(_ node: ConfigNode, role: ConnectionRole) -> ConnectionConfig? {
        guard let name = node.string() else { return nil }
        guard let connection = connections.first(where: { $0.name == name }) else {
            let known = connections.map(\.name)
            let message = ClosestMatch.unknown("connection", name, among: known)
            node.report(message + "; sluice.yaml defines: " + (known.isEmpty ? "none" : known.joined(separator: ", ")))
            return nil
        }
        if let driver = drivers.driver(forType: connection.type), driver.role != role {
            node.report(
                "connection \"\(name)\" is a \(driver.role.rawValue) connection (type \(connection.type)); "
                    + "a \(role.rawValue) connection is needed here"
            )
            return nil
        }
        return connection
    }

    /// A template whose placeholders are the logical date's variables; reports otherwise.
    public func template(_ node: ConfigNode) -> Template? {
        guard let text = node.string() else { return nil }
        return template(text, reportingTo: node)
    }

    /// Parses `text` as a template; problems are reported at `node`.
    public func template(_ text: String, reportingTo node: ConfigNode) -> Template? {
        do {
            let template = try Template(text)
            try template.validate(knownVariables: LogicalDate.templateVariableNames)
            return template
        } catch {
            node.report(error.description)
            return nil
        }
    }

    /// `{ connection: …, path: … }` naming a prefix in a lake connection; the path is a template
    /// and must be usable with the connection's driver (no `..`, not absolute, …).
    public func lakeLocation(_ mapping: ConfigMapping?) -> LakeLocation? {
        guard let mapping else { return nil }
        let connectionNode = mapping.value("connection", required: true)
        let pathNode = mapping.value("path", required: true)
        let connection = connectionNode.flatMap { self.connection($0, role: .lake) }
        guard let pathNode, let path = template(pathNode) else { return nil }
        if let connection, let driver = drivers.driver(forType: connection.type),
            let sample = try? path.render(Self.sampleDate.templateVariables)
        {
            do {
                try driver.validate(path: sample)
            } catch {
                pathNode.report("\"\(sample)\" \(error.reason)")
                return nil
            }
        }
        guard let connection else { return nil }
        return LakeLocation(connection: connection.name, path: path)
    }

    /// The keys of a lake location mapping.
    public static let lakeLocationKeys = ["connection", "path"]

    /// Paths are checked with their placeholders filled in from an arbitrary date.
    private static let sampleDate = LogicalDate(CivilDate(daysSinceEpoch: 0))

    /// A file in the job's folder that must exist, e.g. `sql: prepare.sql`.
    public func jobFile(_ node: ConfigNode) -> URL? {
        guard let name = node.string() else { return nil }
        guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else {
            node.report("\"\(name)\" must be a file inside the job's folder")
            return nil
        }
        let url = jobDirectory.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            node.report("file \"\(name)\" not found in \(jobDirectory.lastPathComponent)/")
            return nil
        }
        return url
    }
}
