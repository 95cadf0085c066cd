import SluiceCore

/// The address of a buffer's first byte, to prove that slices share memory.
func address(of buffer: Buffer) -> UnsafeRawPointer? {
    buffer.withUnsafeBytes { $0.baseAddress }
}

/// A deterministic pseudo-random generator (xorshift), so that "random" tests are reproducible.
struct TestRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed
    }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
