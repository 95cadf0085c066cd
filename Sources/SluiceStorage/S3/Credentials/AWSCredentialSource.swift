/// One link of a credential chain: a provider, or the reason the place it would read from is not
/// configured (so the chain's final error can say why each source had nothing).
public enum AWSCredentialSource: Sendable {
    case available(name: String, provider: any AWSCredentialProvider)
    case unavailable(name: String, reason: String)

    /// The source's name in messages, e.g. `environment variables`.
    public var name: String {
        switch self {
        case .available(let name, _), .unavailable(let name, _):
            return name
        }
    }
}
