import SluiceCore

/// Comparison loops over fixed-width values, specialised per stored type.
enum PrimitiveComparison<T: SparkOrdered> {
    static func run(_ left: Datum, _ op: ComparisonOperator, _ right: Datum, rows: Int) throws -> BooleanArray {
        switch (left, right) {
        case (.array(let leftArray), .array(let rightArray)):
            let leftTyped = try typed(leftArray)
            let rightTyped = try typed(rightArray)
            let writer = BitmapWriter(count: rows)
            leftTyped.withUnsafeValues { a in
                rightTyped.withUnsafeValues { b in
                    fill(writer, op) { (a[$0], b[$0]) }
                }
            }
            return try comparisonResult(
                writer, op, rows: rows, left: leftTyped.validity, right: rightTyped.validity, leftAllNull: false,
                rightAllNull: false)
        case (.array(let array), .scalar(let scalar)):
            return try arrayScalar(try typed(array), op, scalar, rows: rows)
        case (.scalar(let scalar), .array(let array)):
            return try arrayScalar(try typed(array), op.flipped, scalar, rows: rows)
        case (.scalar(let leftScalar), .scalar(let rightScalar)):
            let leftArray = try leftScalar.makeArray(count: 1)
            return try run(.array(leftArray), op, .scalar(rightScalar), rows: 1)
        }
    }

    private static func arrayScalar(_ array: PrimitiveArray<T>, _ op: ComparisonOperator, _ scalar: Scalar, rows: Int)
        throws -> BooleanArray
    {
        let value = try ScalarReading.value(of: scalar, as: T.self)
        let writer = BitmapWriter(count: rows)
        if let value {
            array.withUnsafeValues { a in
                fill(writer, op) { (a[$0], value) }
            }
        }
        return try comparisonResult(
            writer, op, rows: rows, left: array.validity, right: nil, leftAllNull: false, rightAllNull: value == nil)
    }

    /// One specialised loop per operator, so the operator is not re-examined per row.
    @inline(__always)
    private static func fill(_ writer: borrowing BitmapWriter, _ op: ComparisonOperator, _ pair: (Int) -> (T, T)) {
        switch op {
        case .equal, .nullSafeEqual:
            fillBits(writer) {
                let (a, b) = pair($0)
                return T.sparkEqual(a, b)
            }
        case .notEqual:
            fillBits(writer) {
                let (a, b) = pair($0)
                return !T.sparkEqual(a, b)
            }
        case .less:
            fillBits(writer) {
                let (a, b) = pair($0)
                return T.sparkLess(a, b)
            }
        case .lessOrEqual:
            fillBits(writer) {
                let (a, b) = pair($0)
                return !T.sparkLess(b, a)
            }
        case .greater:
            fillBits(writer) {
                let (a, b) = pair($0)
                return T.sparkLess(b, a)
            }
        case .greaterOrEqual:
            fillBits(writer) {
                let (a, b) = pair($0)
                return !T.sparkLess(a, b)
            }
        }
    }

    private static func typed(_ array: any ColumnArray) throws -> PrimitiveArray<T> {
        guard let typed = array as? PrimitiveArray<T> else {
            throw ComputeError(.unsupported, "expected \(T.self) values, got a \(array.dataType) array")
        }
        return typed
    }
}
