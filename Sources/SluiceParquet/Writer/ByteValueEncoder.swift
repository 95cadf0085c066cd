import Foundation
import SluiceCore

/// The values of a BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY column chunk. Statistics compare bytes
/// unsigned lexicographically, except decimals (signed big-endian) and float16 (as numbers, NaN
/// left out).
struct ByteValueEncoder: LeafValueEncoder {
    /// How the minimum and maximum compare values.
    enum Order {
        case unsigned
        case signedBigEndian
        case float16
    }

    static var supportsDictionary: Bool { true }

    /// nil for BYTE_ARRAY; the value width for FIXED_LEN_BYTE_ARRAY.
    let fixedWidth: Int?
    let order: Order
    private var offsets = OffsetBuffer.zero
    private var data = Buffer()
    private var dictionary = ByteArrayDictionaryBuilder()
    private var minimum: [UInt8]?
    private var maximum: [UInt8]?

    init(fixedWidth: Int?, order: Order) {
        self.fixedWidth = fixedWidth
        self.order = order
    }

    mutating func setValues(_ values: PhysicalValues) throws(ParquetError) {
        switch values {
        case .byteArray(let offsets, let data) where fixedWidth == nil:
            self.offsets = offsets
            self.data = data
        case .fixedLength(let width, let data) where width == fixedWidth:
            self.data = data
        default:
            throw ParquetError(.unsupported, "values do not match the column's byte array type")
        }
    }

    /// Calls `body` with a function that gives the bytes of a slot.
    private func withValues<R>(_ body: ((Int) -> UnsafeRawBufferPointer) -> R) -> R {
        Self.withValues(fixedWidth: fixedWidth, offsets: offsets, data: data, body)
    }

    private static func withValues<R>(
        fixedWidth: Int?, offsets: OffsetBuffer, data: Buffer, _ body: ((Int) -> UnsafeRawBufferPointer) -> R
    ) -> R {
        data.withUnsafeBytes { bytes in
            if let fixedWidth {
                return body { slot in
                    UnsafeRawBufferPointer(rebasing: bytes[slot * fixedWidth..<(slot + 1) * fixedWidth])
                }
            }
            return offsets.withUnsafeOffsets { offsets in
                body { slot in UnsafeRawBufferPointer(rebasing: bytes[Int(offsets[slot])..<Int(offsets[slot + 1])]) }
            }
        }
    }

    mutating func appendPlain(_ positions: ValuePositions, to output: inout [UInt8]) {
        if positions.indices == nil {
            data.withUnsafeBytes { bytes in
                if let fixedWidth {
                    let range = positions.range
                    output.append(
                        contentsOf: UnsafeRawBufferPointer(
                            rebasing: bytes[range.lowerBound * fixedWidth..<range.upperBound * fixedWidth]))
                    return
                }
                offsets.withUnsafeOffsets { offsets in
                    let range = positions.range
                    PlainEncoder.encodeByteArrays(
                        offsets: UnsafeBufferPointer(rebasing: offsets[range.lowerBound...range.upperBound]),
                        data: bytes,
                        into: &output)
                }
            }
            return
        }
        let isFixed = fixedWidth != nil
        withValues { value in
            positions.forEachSlot { slot in
                if isFixed {
                    output.append(contentsOf: value(slot))
                } else {
                    PlainEncoder.encodeByteArray(value(slot), into: &output)
                }
            }
        }
    }

    mutating func appendIndices(_ positions: ValuePositions, to indices: inout [UInt32]) {
        indices.reserveCapacity(indices.count + positions.count)
        Self.withValues(fixedWidth: fixedWidth, offsets: offsets, data: data) { value in
            positions.forEachSlot { slot in indices.append(dictionary.index(of: value(slot))) }
        }
    }

    mutating func updateStatistics(_ positions: ValuePositions) {
        let order = order
        let (low, high) = withValues { value -> (Int?, Int?) in
            var low: Int?
            var high: Int?
            positions.forEachSlot { slot in
                let bytes = value(slot)
                if order == .float16 && Self.halfFloat(bytes).isNaN { return }
                if let current = low {
                    if Self.less(bytes, value(current), order) { low = slot }
                } else {
                    low = slot
                }
                if let current = high {
                    if Self.less(value(current), bytes, order) { high = slot }
                } else {
                    high = slot
                }
            }
            return (low, high)
        }
        // Compare the batch's extremes with the chunk's so far, copying only these two values.
        withValues { value in
            if let low, minimum.map({ current in current.withUnsafeBytes { Self.less(value(low), $0, order) } }) ?? true
            {
                minimum = Array(value(low))
            }
            if let high,
                maximum.map({ current in current.withUnsafeBytes { Self.less($0, value(high), order) } }) ?? true
            {
                maximum = Array(value(high))
            }
        }
    }

    private static func halfFloat(_ bytes: UnsafeRawBufferPointer) -> Float {
        HalfFloat.float(fromBits: UInt16(bytes[0]) | UInt16(bytes[1]) << 8)
    }

    private static func less(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, _ order: Order) -> Bool {
        switch order {
        case .float16:
            return halfFloat(a) < halfFloat(b)
        case .signedBigEndian:
            // Equal widths: flipping the sign bit makes signed order unsigned.
            if let first = a.first, let other = b.first, first != other { return (first ^ 0x80) < (other ^ 0x80) }
            return unsignedLess(a, b)
        case .unsigned:
            return unsignedLess(a, b)
        }
    }

    private static func unsignedLess(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let common = min(a.count, b.count)
        if common > 0, let left = a.baseAddress, let right = b.baseAddress {
            let result = memcmp(left, right, common)
            if result != 0 { return result < 0 }
        }
        return a.count < b.count
    }

    var dictionaryCount: Int { dictionary.count }
    var dictionaryByteSize: Int { fixedWidth.map { dictionary.count * $0 } ?? dictionary.encodedSize }

    func dictionaryPage() -> [UInt8] {
        fixedWidth == nil ? dictionary.dictionaryPage() : dictionary.bytes
    }

    func minMax() -> (min: [UInt8], max: [UInt8])? {
        guard var minimum, var maximum else { return nil }
        if order == .float16 {
            // Zero minimum as -0, zero maximum as +0 (the format's rule for floating point).
            if Self.halfFloatIsZero(minimum) { minimum = [0x00, 0x80] }
            if Self.halfFloatIsZero(maximum) { maximum = [0x00, 0x00] }
        }
        return (minimum, maximum)
    }

    private static func halfFloatIsZero(_ bytes: [UInt8]) -> Bool {
        bytes.count == 2 && bytes[0] == 0 && bytes[1] & 0x7F == 0
    }

    var isSignedOrder: Bool { order != .unsigned }
}
