import SluiceCore

/// A setting of an S3 connection or URL that cannot work, caught before any request.
public enum S3ConfigurationError: SluiceError, Equatable {
    case invalidEndpoint(String, reason: String)
    case invalidURL(String, reason: String)
    case invalidSetting(name: String, value: String, reason: String)

    public var category: FailureCategory { .usage }

    public var description: String {
        switch self {
        case .invalidEndpoint(let text, let reason): "invalid S3 endpoint \(text.debugDescription): \(reason)"
        case .invalidURL(let text, let reason): "invalid S3 URL \(text.debugDescription): \(reason)"
        case .invalidSetting(let name, let value, let reason): "invalid S3 setting \(name) = \(value): \(reason)"
        }
    }
}
