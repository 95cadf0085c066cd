import SluiceCore
import Testing

/// Records whether a custom deallocator ran. Only touched from the test's own thread.
private final class ReleaseFlag: @unchecked Sendable {
    var released = false
}

@Suite("Buffer")
struct BufferTests {
    @Test func copyingValuesIsAlignedAndReadable() {
        let buffer = Buffer(copying: [Int64(1), 2, 3])
        #expect(buffer.byteCount == 24)
        #expect(buffer.isAligned(to: 64))
        #expect(buffer.load(fromByteOffset: 8, as: Int64.self) == 2)
        let sum = buffer.withUnsafeBufferPointer(as: Int64.self) { $0.reduce(0, +) }
        #expect(sum == 6)
    }

    @Test func emptyBufferAllocatesNothingAndIsEqualToOtherEmpties() {
        #expect(Buffer().byteCount == 0)
        #expect(Buffer().isEmpty)
        #expect(Buffer.empty.sharesStorage(with: Buffer()))
        #expect(Buffer(copying: [UInt8]()) == Buffer.empty)
    }

    @Test func slicesShareStorageWithoutCopying() {
        let buffer = Buffer(copying: Array(UInt8(0)..<100))
        let slice = buffer.slice(byteOffset: 10, byteCount: 50)
        #expect(slice.sharesStorage(with: buffer))
        #expect(address(of: slice) == address(of: buffer).map { $0 + 10 })
        #expect(slice.bytes == Array(UInt8(10)..<60))

        let sliceOfSlice = slice.slice(5..<15)
        #expect(sliceOfSlice.sharesStorage(with: buffer))
        #expect(address(of: sliceOfSlice) == address(of: buffer).map { $0 + 15 })
        #expect(sliceOfSlice.bytes == Array(UInt8(15)..<25))
    }

    @Test func equalityComparesContentsNotIdentity() {
        let a = Buffer(copying: [UInt8(1), 2, 3])
        let b = Buffer(copying: [UInt8(0), 1, 2, 3]).slice(1..<4)
        #expect(a == b)
        #expect(!a.sharesStorage(with: b))
        #expect(a != Buffer(copying: [UInt8(1), 2, 4]))
        #expect(a != Buffer(copying: [UInt8(1), 2]))
    }

    @Test func wrapsForeignMemoryAndRunsItsDeallocatorOnce() {
        let flag = ReleaseFlag()
        do {
            let raw = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16)
            raw.storeBytes(of: Int32(42), toByteOffset: 4, as: Int32.self)
            let buffer = Buffer(
                bytesNoCopy: raw, byteCount: 16,
                deallocator: .custom { pointer in
                    flag.released = true
                    pointer.deallocate()
                })
            let slice = buffer.slice(byteOffset: 4, byteCount: 4)
            #expect(address(of: buffer) == UnsafeRawPointer(raw))
            #expect(slice.load(fromByteOffset: 0, as: Int32.self) == 42)
            #expect(!flag.released)
        }
        #expect(flag.released)
    }

    @Test func alignedCopiesOnlyWhenNeeded() {
        let buffer = Buffer(copying: [UInt8](repeating: 7, count: 40))
        #expect(buffer.aligned(to: 16).sharesStorage(with: buffer))
        let odd = buffer.slice(8..<40)
        #expect(!odd.isAligned(to: 16))
        let copy = odd.aligned(to: 16)
        #expect(!copy.sharesStorage(with: buffer))
        #expect(copy.isAligned(to: 64))
        #expect(copy == odd)
    }

    @Test func describesItsSize() {
        #expect(Buffer(copying: [UInt8](repeating: 0, count: 5)).description == "Buffer(5 bytes)")
    }
}
