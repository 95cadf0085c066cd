import SluiceCore

/// An S3 request that failed for good: the operation, bucket and key, the HTTP status and S3's
/// error code when the server answered, or the transport error when it did not, and how many
/// attempts were made. Never holds credentials.
public struct S3RequestFailure: SluiceError, Equatable {
    public var operation: String
    public var location: String
    public var key: String?
    /// The HTTP status, or `nil` when no answer came (connection refused or reset, timeout).
    public var status: Int?
    /// S3's error code, e.g. `NoSuchBucket`, `SignatureDoesNotMatch`, `AccessDenied`.
    public var code: String?
    public var message: String
    public var attempts: Int

    public var category: FailureCategory { .taskFailed }

    public var description: String {
        var text = "S3 \(operation) "
        if let key { text += "of \(key.debugDescription) " }
        text += "in \(location) failed: "
        if let status { text += "HTTP \(status)" + (code.map { " \($0)" } ?? "") }
        if !message.isEmpty { text += (status == nil ? "" : ": ") + message }
        if let hint { text += " (\(hint))" }
        if attempts > 1 { text += " [after \(attempts) attempts]" }
        return text
    }

    private var hint: String? {
        switch code {
        case "SignatureDoesNotMatch": "check the secret access key that goes with the access key ID"
        case "InvalidAccessKeyId": "the store does not know this access key ID"
        case "NoSuchBucket": "the bucket does not exist at this endpoint"
        case "AccessDenied": "the credentials lack permission for this operation"
        case "RequestTimeTooSkewed": "this machine's clock is off"
        default: nil
        }
    }
}
