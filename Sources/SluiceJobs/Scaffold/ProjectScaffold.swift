import Foundation
import SluiceCore

/// `sluice init DIR`: writes the example project.
public enum ProjectScaffold {
    /// Writes the project files into `directory` (created if needed) and returns their paths,
    /// relative to it. Refuses to overwrite an existing project unless `force`.
    public static func write(to directory: URL, force: Bool = false) throws -> [String] {
        let manager = FileManager.default
        let projectFile = directory.appendingPathComponent(ProjectLoader.projectFileName)
        if manager.fileExists(atPath: projectFile.path), !force {
            throw ScaffoldError.projectExists(path: directory.path)
        }
        let name = Naming.isName(directory.lastPathComponent) ? directory.lastPathComponent : "demo"
        var written: [String] = []
        for file in ProjectTemplate.files(projectName: name) {
            let url = directory.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url, options: .atomic)
            written.append(file.path)
        }
        return written
    }
}

/// `sluice init` would overwrite a project.
public enum ScaffoldError: SluiceError, Equatable {
    case projectExists(path: String)

    public var category: FailureCategory { .usage }
    public var description: String {
        switch self {
        case .projectExists(let path):
            return "\(path) already has a sluice.yaml; pass --force to overwrite the example files"
        }
    }
}
