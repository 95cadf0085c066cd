/// One profile's settings from the two shared files. A key set in the credentials file wins over
/// the same key in the config file, except that the access key, secret and session token are
/// taken together from one file, so a token is never paired with another file's key.
public struct AWSProfile: Sendable, Equatable {
    public var name: String
    /// The profile's section in the credentials file, if any.
    public var credentialsSection: AWSSharedConfigFile.Section?
    /// The profile's section in the config file, if any.
    public var configSection: AWSSharedConfigFile.Section?
    /// The `[services name]` section the profile's `services` key names, if any.
    public var servicesSection: AWSSharedConfigFile.Section?

    static let credentialKeys = ["aws_access_key_id", "aws_secret_access_key", "aws_session_token"]

    /// The value of a setting such as `region` or `endpoint_url`.
    public func value(_ key: String) -> String? {
        (credentialsSection?.values[key] ?? configSection?.values[key]).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The setting `key` of the service sub-section `service` (e.g. `s3`) in the services section.
    public func serviceValue(_ service: String, _ key: String) -> String? {
        servicesSection?.subsections[service]?[key].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The long-lived keys of the profile; nil when neither file gives it an access key.
    /// - Throws: `AWSCredentialError.invalidSharedFile` when a file has the key but not the secret.
    public func credentials(credentialsFile: String, configFile: String) throws -> AWSCredentials? {
        for (section, file) in [(credentialsSection, credentialsFile), (configSection, configFile)] {
            guard let values = section?.values, let keyID = values["aws_access_key_id"], !keyID.isEmpty else {
                continue
            }
            guard let secret = values["aws_secret_access_key"], !secret.isEmpty else {
                throw AWSCredentialError.invalidSharedFile(
                    file: file, line: nil,
                    reason: "profile \(name.debugDescription) has aws_access_key_id but no aws_secret_access_key")
            }
            let token = values["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
            return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token)
        }
        return nil
    }
}
