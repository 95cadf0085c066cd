import Foundation

/// The shared credentials and config files, read once: where they are and the profiles in them.
/// A file that does not exist counts as empty.
public struct AWSSharedFiles: Sendable, Equatable {
    public var credentialsFile: URL
    public var configFile: URL
    public var credentials: AWSSharedConfigFile
    public var config: AWSSharedConfigFile

    /// Reads and parses both files.
    /// - Throws: `AWSCredentialError.invalidSharedFile` when a file exists but cannot be read or parsed.
    public init(credentialsFile: URL, configFile: URL) throws {
        self.credentialsFile = credentialsFile
        self.configFile = configFile
        credentials = try Self.parse(credentialsFile, kind: .credentials)
        config = try Self.parse(configFile, kind: .config)
    }

    /// The profile's sections from both files; nil when neither file has the profile.
    public func profile(named name: String) -> AWSProfile? {
        let credentialsSection = credentials.profiles[name]
        let configSection = config.profiles[name]
        guard credentialsSection != nil || configSection != nil else { return nil }
        let services = configSection?.values["services"].flatMap { config.services[$0] }
        return AWSProfile(
            name: name, credentialsSection: credentialsSection, configSection: configSection,
            servicesSection: services)
    }

    /// Both paths, for messages.
    var paths: [String] { [credentialsFile.path, configFile.path] }

    private static func parse(_ url: URL, kind: AWSSharedConfigFile.Kind) throws -> AWSSharedConfigFile {
        guard FileManager.default.fileExists(atPath: url.path) else {
            return AWSSharedConfigFile()
        }
        let data: Data
        do {
            // A FileHandle, not Data(contentsOf:), which refuses /dev/null (AWS_CONFIG_FILE=/dev/null
            // is the usual way to ignore the shared files).
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw AWSCredentialError.invalidSharedFile(
                file: url.path, line: nil, reason: "cannot be read (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AWSCredentialError.invalidSharedFile(file: url.path, line: nil, reason: "is not UTF-8 text")
        }
        return try AWSSharedConfigFile(parsing: text, kind: kind, file: url.path)
    }
}
