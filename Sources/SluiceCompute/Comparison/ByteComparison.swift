import SluiceCore

/// Comparison loops over strings and binaries: unsigned byte order, as Spark's UTF8String and binary
/// comparisons.
enum ByteComparison<Kind: ByteArrayKind> {
    static func run(_ left: Datum, _ op: ComparisonOperator, _ right: Datum, rows: Int) throws -> BooleanArray {
        switch (left, right) {
        case (.array(let leftArray), .array(let rightArray)):
            let a = try typed(leftArray)
            let b = try typed(rightArray)
            let writer = BitmapWriter(count: rows)
            a.withUnsafeOffsetsAndData { leftOffsets, leftData in
                b.withUnsafeOffsetsAndData { rightOffsets, rightData in
                    let leftBase = leftData.baseAddress ?? UnsafeRawPointer(bitPattern: 1).unsafelyUnwrapped
                    let rightBase = rightData.baseAddress ?? UnsafeRawPointer(bitPattern: 1).unsafelyUnwrapped
                    fill(writer, op) { row in
                        let leftStart = Int(leftOffsets[row])
                        let rightStart = Int(rightOffsets[row])
                        return (
                            leftBase + leftStart, Int(leftOffsets[row + 1]) - leftStart, rightBase + rightStart,
                            Int(rightOffsets[row + 1]) - rightStart
                        )
                    }
                }
            }
            return try comparisonResult(
                writer, op, rows: rows, left: a.validity, right: b.validity, leftAllNull: false, rightAllNull: false)
        case (.array(let array), .scalar(let scalar)):
            return try arrayScalar(try typed(array), op, scalar, rows: rows)
        case (.scalar(let scalar), .array(let array)):
            return try arrayScalar(try typed(array), op.flipped, scalar, rows: rows)
        case (.scalar(let leftScalar), .scalar(let rightScalar)):
            return try run(.array(try leftScalar.makeArray(count: 1)), op, .scalar(rightScalar), rows: 1)
        }
    }

    private static func arrayScalar(
        _ array: GenericByteArray<Kind>, _ op: ComparisonOperator, _ scalar: Scalar, rows: Int
    ) throws -> BooleanArray {
        let writer = BitmapWriter(count: rows)
        if !scalar.isNull {
            let bytes = scalar.bytesPayload
            bytes.withUnsafeBytes { literal in
                let literalBase = literal.baseAddress ?? UnsafeRawPointer(bitPattern: 1).unsafelyUnwrapped
                array.withUnsafeOffsetsAndData { offsets, data in
                    let base = data.baseAddress ?? UnsafeRawPointer(bitPattern: 1).unsafelyUnwrapped
                    fill(writer, op) { row in
                        let start = Int(offsets[row])
                        return (base + start, Int(offsets[row + 1]) - start, literalBase, literal.count)
                    }
                }
            }
        }
        return try comparisonResult(
            writer, op, rows: rows, left: array.validity, right: nil, leftAllNull: false,
            rightAllNull: scalar.isNull)
    }

    @inline(__always)
    private static func fill(
        _ writer: borrowing BitmapWriter, _ op: ComparisonOperator,
        _ operands: (Int) -> (UnsafeRawPointer, Int, UnsafeRawPointer, Int)
    ) {
        switch op {
        case .equal, .nullSafeEqual:
            fillBits(writer) {
                let (a, m, b, n) = operands($0)
                return equalBytes(a, m, b, n)
            }
        case .notEqual:
            fillBits(writer) {
                let (a, m, b, n) = operands($0)
                return !equalBytes(a, m, b, n)
            }
        default:
            fillBits(writer) {
                let (a, m, b, n) = operands($0)
                return op.holds(order: compareBytes(a, m, b, n))
            }
        }
    }

    private static func typed(_ array: any ColumnArray) throws -> GenericByteArray<Kind> {
        guard let typed = array as? GenericByteArray<Kind> else {
            throw ComputeError(.unsupported, "expected \(Kind.dataType) values, got a \(array.dataType) array")
        }
        return typed
    }
}
