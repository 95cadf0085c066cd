/// Calls `body` with a zeroed stack buffer of 512 values: decoders stage one batch there instead
/// of allocating on the heap per call. (`withUnsafeTemporaryAllocation` takes no typed-throws
/// closure, hence the relay of the error.)
func withZeroedScratch<T: FixedWidthInteger>(
    of type: T.Type,
    _ body: (UnsafeMutableBufferPointer<T>) throws(ParquetError) -> Void
) throws(ParquetError) {
    var failure: ParquetError?
    withUnsafeTemporaryAllocation(of: T.self, capacity: 512) { scratch in
        scratch.initialize(repeating: 0)
        do throws(ParquetError) {
            try body(scratch)
        } catch {
            failure = error
        }
    }
    if let failure { throw failure }
}
