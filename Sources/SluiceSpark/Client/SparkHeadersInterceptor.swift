import GRPCCore

/// Adds the bearer token (when the URL has one) and the user agent to every call.
struct SparkHeadersInterceptor: ClientInterceptor {
    let token: String?
    let userAgent: String

    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingClientRequest<Input>, context: ClientContext,
        next: (_ request: StreamingClientRequest<Input>, _ context: ClientContext) async throws ->
            StreamingClientResponse<Output>
    ) async throws -> StreamingClientResponse<Output> {
        var request = request
        if let token { request.metadata.replaceOrAddString("Bearer \(token)", forKey: "authorization") }
        request.metadata.replaceOrAddString(userAgent, forKey: "user-agent")
        return try await next(request, context)
    }
}
