/// The one raw allocation behind every `Buffer` view that shares it. Freed when the last view goes away.
///
/// `@unchecked Sendable` because the pointer is only written while a `MutableBuffer` (noncopyable, so
/// uniquely owned) holds it. Once it is wrapped here, every field is `let` and nothing writes the bytes
/// again, and concurrent reads of immutable memory are safe.
@usableFromInline
final class BufferStorage: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeRawPointer
    /// The allocated size, which may exceed what any view uses (builders over-allocate).
    @usableFromInline let capacity: Int
    private let deallocator: Buffer.Deallocator

    init(pointer: UnsafeRawPointer, capacity: Int, deallocator: Buffer.Deallocator) {
        self.pointer = pointer
        self.capacity = capacity
        self.deallocator = deallocator
    }

    deinit {
        let mutable = UnsafeMutableRawPointer(mutating: pointer)
        switch deallocator {
        case .standard:
            mutable.deallocate()
        case .custom(let release):
            release(mutable)
        }
    }

    /// Shared by every empty buffer so that arrays without nulls or values allocate nothing.
    static let empty: BufferStorage = {
        let pointer = UnsafeMutableRawPointer.allocate(
            byteCount: Buffer.alignment, alignment: Buffer.alignment)
        pointer.initializeMemory(as: UInt8.self, repeating: 0, count: Buffer.alignment)
        return BufferStorage(pointer: pointer, capacity: Buffer.alignment, deallocator: .standard)
    }()
}
