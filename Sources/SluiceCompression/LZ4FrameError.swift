/// Why LZ4 frames could not be decompressed.
public struct LZ4FrameError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
