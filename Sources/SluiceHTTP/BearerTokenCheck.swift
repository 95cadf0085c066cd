import Hummingbird

/// Refuses a request with 401 unless it carries `Authorization: Bearer <token>`, and counts the
/// refusal. The token is compared in constant time and never logged.
struct BearerTokenCheck<Context: RequestContext>: RouterMiddleware {
    let expected: [UInt8]
    let metrics: LookupMetrics

    init(token: String, metrics: LookupMetrics) {
        self.expected = Array("Bearer \(token)".utf8)
        self.metrics = metrics
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization], matches(Array(header.utf8)) else {
            metrics.recordUnauthorized()
            var response = JSONResponse.error(.unauthorized, "missing or wrong bearer token")
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        return try await next(request, context)
    }

    /// Whether `given` equals the expected header, taking the same time wherever they differ.
    private func matches(_ given: [UInt8]) -> Bool {
        guard given.count == expected.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(given, expected) { difference |= left ^ right }
        return difference == 0
    }
}
