import SluiceCore

/// A scalar's payload as a stored value type, for the kernels' scalar paths.
enum ScalarReading {
    /// The payload converted to `T` (nil for null).
    ///
    /// - Throws: `ComputeError.unsupported` when the payload is not stored as `T`.
    static func value<T: FixedWidthValue>(of scalar: Scalar, as type: T.Type) throws -> T? {
        guard let payload = scalar.payload else { return nil }
        let value: T?
        switch payload {
        case .integer(let integer):
            value = (T.self as? any FixedWidthInteger.Type).flatMap { converted(integer, $0) as? T }
        case .unsigned(let integer):
            value = (T.self as? any FixedWidthInteger.Type).flatMap { converted(integer, $0) as? T }
        case .float(let float):
            value = T.self == Double.self ? float as? T : (T.self == Float.self ? Float(float) as? T : nil)
        case .decimal(let unscaled):
            value = unscaled as? T
        case .boolean, .bytes:
            value = nil
        }
        guard let value else {
            throw ComputeError(.unsupported, "a \(scalar.dataType) scalar is not stored as \(T.self)")
        }
        return value
    }

    private static func converted<Source: BinaryInteger, Target: FixedWidthInteger>(
        _ value: Source, _ target: Target.Type
    ) -> Target? {
        Target(exactly: value)
    }
}
