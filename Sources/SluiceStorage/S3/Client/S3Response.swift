import NIOCore
import NIOHTTP1

/// A successful (2xx) answer with its whole body.
struct S3Response: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    func header(_ name: String) -> String? { headers.first(name: name) }
}
