import Foundation

/// The JSON both the ECS container endpoint and EC2 instance metadata answer with:
/// `AccessKeyId`, `SecretAccessKey`, `Token`, `Expiration` (ISO 8601) and, from EC2, `Code`.
struct MetadataCredentialsDocument: Decodable {
    var code: String?
    var accessKeyID: String?
    var secretAccessKey: String?
    var token: String?
    var expiration: String?

    enum CodingKeys: String, CodingKey {
        case code = "Code"
        case accessKeyID = "AccessKeyId"
        case secretAccessKey = "SecretAccessKey"
        case token = "Token"
        case expiration = "Expiration"
    }

    /// The credentials in `data`; the failure reason names what is missing, never a value.
    static func credentials(from data: Data) -> Result<AWSCredentials, Reason> {
        guard let document = try? JSONDecoder().decode(Self.self, from: data) else {
            return .failure(Reason("the answer is not a JSON credentials document"))
        }
        if let code = document.code, code != "Success" {
            // Codes are fixed words such as `Success`; quoting one cannot leak a secret.
            return .failure(Reason("the answer has Code \(code.prefix(40).debugDescription), not \"Success\""))
        }
        guard let keyID = document.accessKeyID, !keyID.isEmpty,
            let secret = document.secretAccessKey, !secret.isEmpty
        else { return .failure(Reason("the answer lacks AccessKeyId or SecretAccessKey")) }
        var expiration: Date?
        if let text = document.expiration {
            guard let date = parseTimestamp(text) else {
                return .failure(Reason("the answer's Expiration is not an ISO 8601 timestamp"))
            }
            expiration = date
        }
        return .success(
            AWSCredentials(
                accessKeyID: keyID, secretAccessKey: secret, sessionToken: document.token, expiration: expiration))
    }

    /// `2026-11-25T21:40:00Z`, with or without fractional seconds.
    static func parseTimestamp(_ text: String) -> Date? {
        (try? Date(text, strategy: .iso8601))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }

    /// Why an answer held no credentials.
    struct Reason: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }
}
