import SluiceCore

/// Tries its sources in order and uses the first that yields credentials. Once a source has
/// produced credentials the chain sticks to it, as the AWS SDKs do: later failures of that source
/// are reported as they are instead of silently switching to another identity. Callers that
/// arrive while the first source is being chosen share that search.
public actor AWSCredentialChain: AWSCredentialProvider {
    /// The links, in the order they are tried.
    public nonisolated let sources: [AWSCredentialSource]
    private var chosen: (any AWSCredentialProvider)?
    private var search: Task<Found, any Error>?

    private struct Found: Sendable {
        var name: String
        var provider: any AWSCredentialProvider
        var credentials: AWSCredentials
    }

    public init(_ sources: [AWSCredentialSource]) {
        self.sources = sources
    }

    /// The name of the source the chain settled on, nil before the first success.
    public private(set) var chosenSource: String?

    /// - Throws: `AWSCredentialError.noCredentials` listing every source and why it had none;
    ///   once a source was chosen, that source's own error.
    public func credentials() async throws -> AWSCredentials {
        if let chosen { return try await chosen.credentials() }
        let task = search ?? startSearch()
        do {
            let found = try await task.value
            if search == task {
                search = nil
                chosen = found.provider
                chosenSource = found.name
            }
            return found.credentials
        } catch {
            // A later call searches again: an endpoint may have been down only briefly.
            if search == task { search = nil }
            throw error
        }
    }

    private func startSearch() -> Task<Found, any Error> {
        let task = Task { [sources] in
            var tried: [AWSCredentialSourceFailure] = []
            for source in sources {
                switch source {
                case .unavailable(let name, let reason):
                    tried.append(AWSCredentialSourceFailure(source: name, reason: reason))
                case .available(let name, let provider):
                    do {
                        return Found(name: name, provider: provider, credentials: try await provider.credentials())
                    } catch {
                        tried.append(AWSCredentialSourceFailure(source: name, reason: Self.reason(error)))
                    }
                }
            }
            throw AWSCredentialError.noCredentials(tried: tried)
        }
        search = task
        return task
    }

    /// An error as the reason a source had nothing, without repeating the source's name.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case AWSCredentialError.endpointFailed(_, let endpoint, let reason):
            return "\(endpoint): \(reason)"
        case let error as any SluiceError:
            return error.description
        default:
            // Another provider's error could quote anything; its type is enough to go on.
            return "failed (\(type(of: error)))"
        }
    }
}
