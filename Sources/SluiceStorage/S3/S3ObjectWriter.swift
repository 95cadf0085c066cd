import Foundation
import NIOCore

/// Writes one object: bytes gather into parts of `partSize`; an object that fits in one part is
/// sent with a single PutObject at commit, a larger one becomes a multipart upload whose parts
/// go up in parallel (`uploadConcurrency` at a time) while the caller keeps writing. Nothing is
/// visible under the key until CompleteMultipartUpload succeeds; any failure aborts the upload,
/// so no parts are left behind to pay for.
actor S3ObjectWriter: ObjectWriter {
    let store: S3ObjectStore
    let key: String
    private var pending: ByteBuffer
    private var uploadID: String?
    private var nextPartNumber = 1
    private var inFlight: [Task<(number: Int, etag: String), any Error>] = []
    private var finishedParts: [(number: Int, etag: String)] = []
    private var closed = false

    init(store: S3ObjectStore, key: String) {
        self.store = store
        self.key = key
        pending = ByteBufferAllocator().buffer(capacity: 0)
    }

    private var objectKey: String { store.prefix + key }

    func write(_ bytes: [UInt8]) async throws {
        guard !closed else { throw S3ResponseError.malformed(what: "a write to \(key)", detail: "writer is closed") }
        var offset = 0
        while offset < bytes.count {
            if pending.capacity == 0 { pending.reserveCapacity(store.partSize) }
            let take = min(store.partSize - pending.readableBytes, bytes.count - offset)
            pending.writeBytes(bytes[offset..<(offset + take)])
            offset += take
            if pending.readableBytes == store.partSize {
                let part = pending
                pending = ByteBufferAllocator().buffer(capacity: 0)
                do {
                    try await startPart(part)
                } catch {
                    await abort()
                    throw error
                }
            }
        }
    }

    func commit() async throws {
        guard !closed else { throw S3ResponseError.malformed(what: "a commit of \(key)", detail: "writer is closed") }
        do {
            if uploadID == nil {
                _ = try await store.client.send(
                    S3Request("PutObject", method: "PUT", bucket: store.bucket, key: objectKey, body: pending))
            } else {
                if pending.readableBytes > 0 { try await startPart(pending) }
                try await completeUpload()
            }
            closed = true
        } catch {
            await abort()
            throw error
        }
    }

    func abort() async {
        guard !closed else { return }
        closed = true
        for task in inFlight { task.cancel() }
        for task in inFlight { _ = try? await task.value }
        inFlight = []
        guard let uploadID else { return }
        // Best effort: a failed abort leaves parts that the bucket's lifecycle rule must clean.
        _ = try? await store.client.send(
            S3Request(
                "AbortMultipartUpload", method: "DELETE", bucket: store.bucket, key: objectKey,
                query: [SigV4Request.QueryItem("uploadId", uploadID)]))
    }

    /// Starts uploading one part, first waiting for the oldest part when enough are in flight.
    private func startPart(_ part: ByteBuffer) async throws {
        let uploadID = try await ensureUpload()
        while inFlight.count >= store.uploadConcurrency {
            finishedParts.append(try await inFlight.removeFirst().value)
        }
        let number = nextPartNumber
        nextPartNumber += 1
        let request = S3Request(
            "UploadPart", method: "PUT", bucket: store.bucket, key: objectKey,
            query: [
                SigV4Request.QueryItem("partNumber", String(number)), SigV4Request.QueryItem("uploadId", uploadID),
            ],
            body: part)
        let client = store.client
        let key = key
        inFlight.append(
            Task {
                let response = try await client.send(request)
                guard let etag = response.header("ETag") else {
                    throw S3ResponseError.malformed(what: "UploadPart \(number) of \(key)", detail: "no ETag header")
                }
                return (number, etag)
            })
    }

    private func ensureUpload() async throws -> String {
        if let uploadID { return uploadID }
        let response = try await store.client.send(
            S3Request(
                "CreateMultipartUpload", method: "POST", bucket: store.bucket, key: objectKey,
                query: [SigV4Request.QueryItem("uploads", "")], idempotent: false))
        let id = try S3MultipartUpload.uploadID(from: Data(response.body))
        uploadID = id
        return id
    }

    private func completeUpload() async throws {
        guard let uploadID else { return }
        while !inFlight.isEmpty { finishedParts.append(try await inFlight.removeFirst().value) }
        var request = S3Request(
            "CompleteMultipartUpload", method: "POST", bucket: store.bucket, key: objectKey,
            query: [SigV4Request.QueryItem("uploadId", uploadID)],
            body: ByteBuffer(bytes: S3MultipartUpload.completionBody(parts: finishedParts)), idempotent: false)
        request.mayFailWithSuccessStatus = true
        _ = try await store.client.send(request)
    }
}
