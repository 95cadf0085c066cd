import SluiceCore

/// A stream's decoded Schema message, kept so that the next stream with the same schema skips
/// decoding it: Spark Connect sends each batch of a result as a stream of its own, every one
/// starting with the same Schema message, and decoding it cost more than the batch it came with.
///
/// A schema is reused only when the next stream's schema message has the same bytes, so reusing
/// one can never change what a stream decodes to.
public struct ArrowStreamSchema: Sendable {
    /// The Schema message's FlatBuffers metadata, copied out of its stream.
    let metadata: Buffer
    /// The Schema message's body length (0 as writers send it; kept so a reused schema skips the same bytes).
    let bodyLength: Int
    public let schema: Schema
    let layouts: [ArrowColumnLayout]

    init(metadata: Buffer, bodyLength: Int, schema: Schema, layouts: [ArrowColumnLayout]) {
        self.metadata = metadata.withUnsafeBytes { Buffer(copying: $0) }
        self.bodyLength = bodyLength
        self.schema = schema
        self.layouts = layouts
    }
}
