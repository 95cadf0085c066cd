import Foundation
import SluiceCore

/// Column-chunk min/max statistics as people read them, decoded by the column's physical type.
enum StatisticsText {
    /// Long values are cut so a table of many columns stays readable.
    static let maximumLength = 24

    static func render(_ bytes: [UInt8]?, as column: ColumnDescriptor) -> String {
        guard let bytes else { return "-" }
        let text: String
        switch column.physicalType {
        case .boolean where bytes.count == 1:
            text = bytes[0] == 0 ? "false" : "true"
        case .int32 where bytes.count == 4:
            text = String(Int32(littleEndianBytes: bytes))
        case .int64 where bytes.count == 8:
            text = String(Int64(littleEndianBytes: bytes))
        case .float where bytes.count == 4:
            text = String(Float(bitPattern: UInt32(littleEndianBytes: bytes)))
        case .double where bytes.count == 8:
            text = String(Double(bitPattern: UInt64(littleEndianBytes: bytes)))
        case .byteArray where column.dataType == .string:
            text = String(validating: bytes, as: UTF8.self).map { JSONText.quoted($0) } ?? hex(bytes)
        default:
            text = hex(bytes)
        }
        return text.count <= maximumLength ? text : String(text.prefix(maximumLength - 3)) + "..."
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        "0x" + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}

extension FixedWidthInteger {
    /// The integer stored little-endian in exactly `MemoryLayout<Self>.size` bytes.
    init(littleEndianBytes bytes: [UInt8]) {
        var value = Self.zero
        for (index, byte) in bytes.prefix(MemoryLayout<Self>.size).enumerated() {
            value |= Self(truncatingIfNeeded: byte) << (8 * index)
        }
        self = value
    }
}
