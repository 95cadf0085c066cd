import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Gathers one S3 answer on the connection's event loop: status, headers, and the body copied
/// straight into one array sized from `Content-Length`. Doing this on the event loop rather than
/// through the async body sequence saves a thread hop per socket read, which is most of a large
/// GET's overhead. An error answer's body is kept up to 1 MiB.
// Unchecked: AsyncHTTPClient calls a delegate on one event loop, one callback at a time.
final class S3ResponseCollector: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = S3Response

    private var status = 0
    private var headers = HTTPHeaders()
    private var body: [UInt8] = []
    private static let errorBodyLimit = 1 << 20

    private var succeeded: Bool { (200..<300).contains(status) }

    func didReceiveHead(task: HTTPClient.Task<S3Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        status = Int(head.status.code)
        headers = head.headers
        if succeeded, let length = head.headers.first(name: "Content-Length").flatMap(Int.init), length > 0 {
            body = ResponseBodyStorage.emptyArray(capacity: length)
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<S3Response>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        if succeeded || body.count < Self.errorBodyLimit {
            buffer.withUnsafeReadableBytes { body.append(contentsOf: $0) }
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<S3Response>) throws -> S3Response {
        S3Response(status: status, headers: headers, body: body)
    }
}
