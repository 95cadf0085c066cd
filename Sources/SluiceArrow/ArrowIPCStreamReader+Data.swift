import Foundation
import SluiceCore

extension ArrowIPCStreamReader {
    /// Reads a stream held in `data` (a gRPC message's bytes, say) without copying it: the batches'
    /// buffers are views of `data`'s memory, which they keep alive. `earlier` is as in `init(_:reusing:)`.
    public init(data: Data, reusing earlier: ArrowStreamSchema? = nil) throws(ArrowIPCError) {
        try self.init(Buffer(sharing: data), reusing: earlier)
    }
}

extension Buffer {
    /// A view of `data`'s bytes that keeps `data` alive. A `Data` of more than a few bytes keeps
    /// them in heap storage that does not move while a copy of it is held (the deallocator's
    /// capture); a small one may keep them inline, so it is copied.
    init(sharing data: Data) {
        guard data.count >= 64 else {
            self = data.withUnsafeBytes { Buffer(copying: $0) }
            return
        }
        let base = data.withUnsafeBytes { $0.baseAddress }
        guard let base else {
            self = Buffer()
            return
        }
        self = Buffer(
            bytesNoCopy: base, byteCount: data.count, deallocator: .custom { _ in withExtendedLifetime(data) {} })
    }
}
