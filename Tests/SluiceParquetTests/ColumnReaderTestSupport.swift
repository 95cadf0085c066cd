import Foundation
import SluiceCore

@testable import SluiceParquet

/// Reads flat columns of a whole parquet file held in memory, and renders values the way
/// `Oracles/column_oracle.py` renders pyarrow's.
enum ColumnReaderTestSupport {
    /// A parquet file read into memory with its footer and schema.
    struct LoadedFile {
        let name: String
        let bytes: [UInt8]
        let footer: ParquetFooter
        let schema: ParquetSchema

        init(directory: URL, name: String) throws {
            self.name = name
            bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
            footer = try ParquetFooter.decode(tail: bytes, fileSize: Int64(bytes.count), key: name)
            schema = try ParquetSchema(metadata: footer.metadata)
        }

        /// The chunks of `column`, one array per row group, each sliced out of the file as the
        /// caller of `ColumnChunkReader` would fetch it.
        func readColumn(_ column: ColumnDescriptor) throws -> [any ColumnArray] {
            var arrays: [any ColumnArray] = []
            for (index, rowGroup) in footer.metadata.rowGroups.enumerated() {
                guard let metadata = rowGroup.columns[column.index].metaData else {
                    throw ParquetError(.invalidMetadata, "no column metadata", file: name)
                }
                let range = ColumnChunkReader.byteRange(
                    of: metadata, createdBy: footer.metadata.createdBy, dataEnd: footer.metadataOffset)
                let chunk = Array(bytes[Int(range.lowerBound)..<Int(range.upperBound)])
                let reader = try ColumnChunkReader(
                    descriptor: column, metadata: metadata, file: name, rowGroup: index)
                arrays.append(try reader.read(chunk))
            }
            return arrays
        }

        /// The top-level nested field `node`, one array per row group, assembled from its leaves.
        func readField(_ node: SchemaNode, as dataType: DataType) throws -> [any ColumnArray] {
            let slotLevels = NestedFieldAssembler.slotLevels(of: node)
            let leaves = schema.columns[node.firstColumnIndex..<node.firstColumnIndex + slotLevels.count]
            var arrays: [any ColumnArray] = []
            for (index, rowGroup) in footer.metadata.rowGroups.enumerated() {
                var decoded: [NestedLeafColumn] = []
                for (column, slotLevel) in zip(leaves, slotLevels) {
                    guard let metadata = rowGroup.columns[column.index].metaData else {
                        throw ParquetError(.invalidMetadata, "no column metadata", file: name)
                    }
                    let range = ColumnChunkReader.byteRange(
                        of: metadata, createdBy: footer.metadata.createdBy, dataEnd: footer.metadataOffset)
                    let chunk = Array(bytes[Int(range.lowerBound)..<Int(range.upperBound)])
                    let reader = try ColumnChunkReader.nested(
                        descriptor: column, metadata: metadata, file: name, rowGroup: index)
                    decoded.append(try reader.readNested(chunk, slotLevel: slotLevel))
                }
                arrays.append(try NestedFieldAssembler(node: node, leaves: decoded).assemble(as: dataType))
            }
            return arrays
        }
    }

    /// Every value of a nested `array` as a token: lists as `[a,b]`, structs as `{name:a,...}`,
    /// maps as `[{key:k,value:v},...]`, leaves as `tokens` renders them.
    static func nestedTokens(_ array: any ColumnArray) -> [String] {
        (0..<array.count).map { nestedToken(array, $0) }
    }

    private static func nestedToken(_ array: any ColumnArray, _ index: Int) -> String {
        if array.isNull(index) { return "null" }
        switch array {
        case let list as ListArray:
            return "[" + list.valueRange(at: index).map { nestedToken(list.values, $0) }.joined(separator: ",") + "]"
        case let structs as StructArray:
            let parts = zip(structs.fields, structs.children).map { "\($0.name):" + nestedToken($1, index) }
            return "{" + parts.joined(separator: ",") + "}"
        case let map as MapArray:
            let parts = map.entryRange(at: index).map {
                "{key:" + nestedToken(map.keys, $0) + ",value:" + nestedToken(map.values, $0) + "}"
            }
            return "[" + parts.joined(separator: ",") + "]"
        default:
            return token(array, index)
        }
    }

    /// The token of one nested oracle JSON value for a column of `dataType` (as `nestedTokens`).
    static func nestedToken(expected value: Any, dataType: DataType) -> String {
        if value is NSNull { return "null" }
        switch dataType {
        case .list(let element):
            guard let items = value as? [Any] else { return "unexpected \(value)" }
            return "[" + items.map { nestedToken(expected: $0, dataType: element.dataType) }.joined(separator: ",")
                + "]"
        case .struct(let fields):
            guard let object = value as? [String: Any] else { return "unexpected \(value)" }
            let parts = fields.map {
                "\($0.name):" + nestedToken(expected: object[$0.name] ?? NSNull(), dataType: $0.dataType)
            }
            return "{" + parts.joined(separator: ",") + "}"
        case .map(let key, let item, _):
            guard let entries = value as? [[String: Any]] else { return "unexpected \(value)" }
            let parts = entries.map {
                "{key:" + nestedToken(expected: $0["key"] ?? NSNull(), dataType: key.dataType) + ",value:"
                    + nestedToken(expected: $0["value"] ?? NSNull(), dataType: item.dataType) + "}"
            }
            return "[" + parts.joined(separator: ",") + "]"
        default:
            return token(expected: value, dataType: dataType)
        }
    }

    /// Every value of `array` as a token: `null`, `true`/`false`, integers in decimal, `f:<Double>`
    /// for floats, `s:<text>` for strings, decimals, dates and base64 binary.
    static func tokens(_ array: any ColumnArray) -> [String] {
        let count = array.count
        var result: [String] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            if array.isNull(index) {
                result.append("null")
                continue
            }
            result.append(token(array, index))
        }
        return result
    }

    static func token(_ array: any ColumnArray, _ index: Int) -> String {
        switch array {
        case let booleans as BooleanArray: return booleans.value(at: index) ? "true" : "false"
        case let values as Int8Array: return "\(values.value(at: index))"
        case let values as Int16Array: return "\(values.value(at: index))"
        case let values as Int32Array:
            let value = values.value(at: index)
            return values.dataType == .date32 ? "s:" + date(Int64(value)) : "\(value)"
        case let values as Int64Array: return "\(values.value(at: index))"
        case let values as UInt8Array: return "\(values.value(at: index))"
        case let values as UInt16Array:
            let value = values.value(at: index)
            return values.dataType == .float16 ? float(Double(HalfFloat.float(fromBits: value))) : "\(value)"
        case let values as UInt32Array: return "\(values.value(at: index))"
        case let values as UInt64Array: return "\(values.value(at: index))"
        case let values as Float32Array: return float(Double(values.value(at: index)))
        case let values as Float64Array: return float(values.value(at: index))
        case let values as Decimal128Array:
            guard case .decimal(_, let scale) = values.dataType else { return "?" }
            return "s:" + decimal(values.value(at: index), scale: scale)
        case let values as StringArray: return "s:" + values.value(at: index)
        case let values as BinaryArray: return "s:" + Data(values.value(at: index)).base64EncodedString()
        case let values as FixedSizeBinaryArray: return "s:" + Data(values.value(at: index)).base64EncodedString()
        default: return "unsupported \(array.dataType)"
        }
    }

    /// The token of one oracle JSON value for a column of `dataType`.
    static func token(expected value: Any, dataType: DataType) -> String {
        switch value {
        case is NSNull: return "null"
        case let text as String where [.float16, .float32, .float64].contains(dataType):
            // Floats come as repr strings: Foundation's JSON number parsing is not correctly rounded.
            switch text {
            case "NaN": return "s:NaN"
            case "Infinity": return "s:Infinity"
            case "-Infinity": return "s:-Infinity"
            default: return Double(text).map(float) ?? "unparsable \(text)"
            }
        case let text as String: return "s:" + text
        case let number as NSNumber:
            switch dataType {
            case .boolean: return number.boolValue ? "true" : "false"
            case .float16, .float32, .float64: return float(number.doubleValue)
            case .uint64: return "\(number.uint64Value)"
            default: return "\(number.int64Value)"
            }
        default: return "unexpected \(value)"
        }
    }

    private static func float(_ value: Double) -> String {
        if value.isNaN { return "s:NaN" }
        if value.isInfinite { return value > 0 ? "s:Infinity" : "s:-Infinity" }
        return "f:\(value)"
    }

    /// `unscaled / 10^scale` with exactly `scale` digits after the point.
    static func decimal(_ unscaled: Int128, scale: Int) -> String {
        let negative = unscaled < 0
        var digits = String(unscaled.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale + 1 - digits.count) + digits }
        if scale > 0 { digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale)) }
        return (negative ? "-" : "") + digits
    }

    /// `YYYY-MM-DD` of a day count since 1970-01-01 (proleptic Gregorian, Hinnant's algorithm).
    static func date(_ days: Int64) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
