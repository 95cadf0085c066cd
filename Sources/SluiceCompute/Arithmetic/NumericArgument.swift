import SluiceCore

/// The typed view of a numeric argument: a primitive array, or a non-null scalar converted to `T`.
enum NumericArgument<T: FixedWidthValue> {
    case array(PrimitiveArray<T>)
    case scalar(T)
    case nullScalar

    init(_ datum: Datum) throws {
        switch datum {
        case .array(let array):
            guard let typed = array as? PrimitiveArray<T> else {
                throw ComputeError(.unsupported, "expected \(T.self) values, got a \(array.dataType) array")
            }
            self = .array(typed)
        case .scalar(let scalar):
            if let value = try ScalarReading.value(of: scalar, as: T.self) {
                self = .scalar(value)
            } else {
                self = .nullScalar
            }
        }
    }

    var validity: ValidityBitmap? {
        if case .array(let array) = self { return array.validity }
        return nil
    }

    var isNullScalar: Bool {
        if case .nullScalar = self { return true }
        return false
    }

    /// Calls `body` with the operand (a null scalar reads as zero; callers return early for it).
    @inline(__always)
    func withOperand<R>(_ body: (Operand<T>) throws -> R) rethrows -> R {
        switch self {
        case .array(let array):
            return try array.withUnsafeValues { values in
                try body(
                    .values(
                        values.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<T>.alignment).unsafelyUnwrapped))
            }
        case .scalar(let value): return try body(.scalar(value))
        case .nullScalar:
            return try body(.values(UnsafePointer(bitPattern: MemoryLayout<T>.alignment).unsafelyUnwrapped))
        }
    }
}
