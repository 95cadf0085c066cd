#if canImport(Glibc)
    import Glibc
#endif

/// Room for a response body whose length is known in advance.
enum ResponseBodyStorage {
    /// Bodies from this size up are backed by transparent huge pages where the kernel offers them.
    static let hugePageThreshold = 8 << 20
    private static let hugePageSize = 2 << 20

    /// An empty array with capacity for `length` bytes. For a large body the kernel is asked to
    /// back its storage with 2 MiB pages: filling a 100 MB array faulted it in 4 KiB at a time,
    /// and those 25,000 page faults were a third of a whole-object GET's CPU time.
    static func emptyArray(capacity length: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: length) { storage, count in
            count = 0
            #if os(Linux)
                guard length >= hugePageThreshold, let base = storage.baseAddress else { return }
                // Only whole, aligned 2 MiB ranges can be huge pages; the ends keep small ones.
                let start = (Int(bitPattern: base) + hugePageSize - 1) & ~(hugePageSize - 1)
                let end = (Int(bitPattern: base) + length) & ~(hugePageSize - 1)
                guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
                // Advice only: where huge pages are off, the call fails and nothing changes.
                _ = madvise(aligned, end - start, MADV_HUGEPAGE)
            #endif
        }
    }
}
