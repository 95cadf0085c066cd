import SluiceCore

/// The values of an INT32, INT64, FLOAT or DOUBLE column chunk, read through their bit patterns
/// (`Order.Key`) so that NaN payloads and -0.0 round-trip exactly.
struct FixedWidthValueEncoder<Order: FixedWidthOrder>: LeafValueEncoder {
    static var supportsDictionary: Bool { true }

    private var values = Buffer()
    private var dictionary = FixedWidthDictionaryBuilder<Order.Key>()
    private var minimum: Order.Key?
    private var maximum: Order.Key?

    mutating func setValues(_ values: PhysicalValues) throws(ParquetError) {
        switch values {
        case .int32(let buffer) where Order.Key.self == UInt32.self: self.values = buffer
        case .float(let buffer) where Order.Key.self == UInt32.self: self.values = buffer
        case .int64(let buffer) where Order.Key.self == UInt64.self: self.values = buffer
        case .double(let buffer) where Order.Key.self == UInt64.self: self.values = buffer
        default: throw ParquetError(.unsupported, "values do not match the column's \(Order.Key.bitWidth)-bit type")
        }
    }

    mutating func appendPlain(_ positions: ValuePositions, to output: inout [UInt8]) {
        values.withUnsafeBufferPointer(as: Order.Key.self) { keys in
            if positions.indices == nil {
                PlainEncoder.encode(UnsafeBufferPointer(rebasing: keys[positions.range]), into: &output)
                return
            }
            let start = output.count
            let size = MemoryLayout<Order.Key>.size
            output.append(contentsOf: repeatElement(0, count: positions.count * size))
            output.withUnsafeMutableBytes { bytes in
                var offset = start
                positions.forEachSlot { slot in
                    bytes.storeBytes(of: keys[slot].littleEndian, toByteOffset: offset, as: Order.Key.self)
                    offset += size
                }
            }
        }
    }

    mutating func appendIndices(_ positions: ValuePositions, to indices: inout [UInt32]) {
        values.withUnsafeBufferPointer(as: Order.Key.self) { keys in
            indices.reserveCapacity(indices.count + positions.count)
            positions.forEachSlot { slot in indices.append(dictionary.index(of: keys[slot])) }
        }
    }

    mutating func updateStatistics(_ positions: ValuePositions) {
        values.withUnsafeBufferPointer(as: Order.Key.self) { keys in
            var low = minimum
            var high = maximum
            positions.forEachSlot { slot in
                let key = keys[slot]
                if Order.isIgnored(key) { return }
                if let current = low {
                    if Order.less(key, current) { low = key }
                } else {
                    low = key
                }
                if let current = high {
                    if Order.less(current, key) { high = key }
                } else {
                    high = key
                }
            }
            minimum = low
            maximum = high
        }
    }

    var dictionaryCount: Int { dictionary.count }
    var dictionaryByteSize: Int { dictionary.encodedSize }
    func dictionaryPage() -> [UInt8] { dictionary.dictionaryPage() }

    func minMax() -> (min: [UInt8], max: [UInt8])? {
        guard let minimum, let maximum else { return nil }
        let written = Order.written(min: minimum, max: maximum)
        return (
            withUnsafeBytes(of: written.min.littleEndian) { Array($0) },
            withUnsafeBytes(of: written.max.littleEndian) { Array($0) }
        )
    }

    var isSignedOrder: Bool { Order.isSigned }
}
