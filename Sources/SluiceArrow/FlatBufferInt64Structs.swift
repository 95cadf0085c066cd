import SluiceCore

/// A vector of structs of `fieldsPerStruct` little-endian Int64s, checked once to lie inside its
/// message and read in place: a record batch's field nodes and buffers cost no allocation.
struct FlatBufferInt64Structs {
    let bytes: Buffer
    let start: Int
    let count: Int
    let fieldsPerStruct: Int

    /// Member `member` of struct `index`.
    ///
    /// - Precondition: `index < count` and `member < fieldsPerStruct`.
    func value(_ index: Int, _ member: Int) -> Int64 {
        precondition(index < count && member < fieldsPerStruct, "struct \(index).\(member) is outside the vector")
        return bytes.withUnsafeBytes {
            Int64(
                littleEndian: $0.loadUnaligned(
                    fromByteOffset: start + 8 * (fieldsPerStruct * index + member), as: Int64.self))
        }
    }
}
