import SluiceCore

/// A failure to find AWS credentials or settings. Descriptions name variables, files, profiles and
/// endpoints, never a secret key or a token: a file's offending line is given by number, and a
/// metadata endpoint's answer by its status, not its body.
public enum AWSCredentialError: SluiceError, Equatable {
    /// A profile named explicitly (by argument or `AWS_PROFILE`) is in neither shared file.
    case profileNotFound(profile: String, files: [String])
    /// A shared credentials or config file that exists cannot be read or parsed.
    case invalidSharedFile(file: String, line: Int?, reason: String)
    /// An environment variable holds a value that cannot be used.
    case invalidVariable(name: String, reason: String)
    /// A metadata endpoint (ECS or EC2) did not answer with credentials.
    case endpointFailed(source: String, endpoint: String, reason: String)
    /// No source in the chain had credentials; `tried` says why each had none, in chain order.
    case noCredentials(tried: [AWSCredentialSourceFailure])

    public var category: FailureCategory {
        switch self {
        case .profileNotFound, .invalidSharedFile, .invalidVariable:
            return .usage
        case .endpointFailed, .noCredentials:
            return .taskFailed
        }
    }

    public var description: String {
        switch self {
        case .profileNotFound(let profile, let files):
            return "AWS profile \(profile.debugDescription) is not in \(files.joined(separator: " or "))"
        case .invalidSharedFile(let file, let line, let reason):
            return "AWS shared file \(file)\(line.map { " line \($0)" } ?? ""): \(reason)"
        case .invalidVariable(let name, let reason):
            return "environment variable \(name): \(reason)"
        case .endpointFailed(let source, let endpoint, let reason):
            return "\(source) at \(endpoint) gave no credentials: \(reason)"
        case .noCredentials(let tried):
            return "no AWS credentials found; tried "
                + tried.map { "\($0.source) (\($0.reason))" }.joined(separator: "; ")
        }
    }
}

/// Why one source of the credential chain had no credentials.
public struct AWSCredentialSourceFailure: Sendable, Equatable {
    /// The source, e.g. `environment variables` or `EC2 instance metadata`.
    public var source: String
    /// Why it had none, free of secrets.
    public var reason: String

    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }
}
