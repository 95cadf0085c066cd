import Foundation
import SluiceCompute
import SluiceCore

/// Kernels of Spark's math functions. The binder casts arguments to the types Spark computes in:
/// doubles for the transcendental functions, doubles or decimals for floor and ceil, and the common
/// type of all arguments for greatest and least.
enum MathKernels {
    static func run(_ function: ScalarFunction, _ arguments: KernelArguments) throws -> any ColumnArray {
        switch function {
        case .floor, .ceil:
            return try round(arguments.array(0), up: function == .ceil)
        case .decimalRound:
            guard let scale = try arguments.int32s(1)[0] else {
                throw ComputeError(.unsupported, "round needs a constant scale")
            }
            return try roundToTens(arguments.column(0, as: Decimal128Array.self), scale: Int(scale))
        case .pow, .log:
            let (left, right) = (try arguments.float64s(0), try arguments.float64s(1))
            let operation = function == .pow ? javaPow : logarithm
            return Float64Array(
                (0..<arguments.rows).map { row in
                    guard let x = left[row], let y = right[row] else { return nil }
                    return operation(x, y)
                })
        case .sqrt, .signum, .ln, .log10, .log2, .exp:
            let values = try arguments.float64s(0)
            let operation = try unaryOperation(function)
            return Float64Array((0..<arguments.rows).map { row in values[row].flatMap(operation) })
        case .greatest, .least:
            return try extreme(arguments, greatest: function == .greatest)
        default:
            throw ComputeError(.unsupported, "\(function.rawValue) is not a math function")
        }
    }

    /// The one-argument double functions; the logarithms are null at and below zero, as in Spark.
    private static func unaryOperation(_ function: ScalarFunction) throws -> (Double) -> Double? {
        switch function {
        case .sqrt: return { $0.squareRoot() }
        // Keeps NaN and the sign of zero, as Java's Math.signum does.
        case .signum: return { $0 > 0 ? 1 : $0 < 0 ? -1 : $0 }
        case .ln: return { $0 > 0 ? Foundation.log($0) : $0.isNaN ? $0 : nil }
        case .log10: return { $0 > 0 ? Foundation.log10($0) : $0.isNaN ? $0 : nil }
        // Spark divides natural logarithms rather than calling log2.
        case .log2: return { $0 > 0 ? Foundation.log($0) / Foundation.log(2.0) : $0.isNaN ? $0 : nil }
        case .exp: return { Foundation.exp($0) }
        default: throw ComputeError(.unsupported, "\(function.rawValue) is not a double function")
        }
    }

    /// Java's Math.pow, which differs from C's pow in two corners: a NaN exponent gives NaN, and so
    /// does ±1 to an infinite power.
    static func javaPow(_ base: Double, _ exponent: Double) -> Double {
        if exponent.isNaN || (base.magnitude == 1 && exponent.isInfinite) { return .nan }
        return Foundation.pow(base, exponent)
    }

    /// `log(base, x)`: null unless both are positive.
    static func logarithm(_ base: Double, _ value: Double) -> Double? {
        if base <= 0 || value <= 0 { return nil }
        return Foundation.log(value) / Foundation.log(base)
    }

    /// floor (`up` false) or ceil: doubles to bigints as Java's `(long)` casts them (NaN to 0, beyond
    /// the range to the nearest end), decimals to scale 0.
    static func round(_ array: any ColumnArray, up: Bool) throws -> any ColumnArray {
        if let doubles = array as? Float64Array {
            return Int64Array(
                (0..<doubles.count).map { row in
                    doubles[row].map { value in
                        let rounded = up ? value.rounded(.up) : value.rounded(.down)
                        if rounded.isNaN { return 0 }
                        if rounded >= 0x1p63 { return .max }
                        return rounded <= -0x1p63 ? .min : Int64(rounded)
                    }
                })
        }
        guard let decimals = array as? Decimal128Array, case .decimal(let precision, let scale) = decimals.dataType
        else {
            throw ComputeError(.unsupported, "floor and ceil take doubles and decimals, not \(array.dataType)")
        }
        let divisor = powerOfTen(scale)
        let values: [Int128?] = (0..<decimals.count).map { row in
            decimals[row].map { unscaled in
                let (quotient, remainder) = unscaled.quotientAndRemainder(dividingBy: divisor)
                if up, remainder > 0 { return quotient + 1 }
                if !up, remainder < 0 { return quotient - 1 }
                return quotient
            }
        }
        return Decimal128Array(values, dataType: .decimal(precision: min(38, precision - scale + 1), scale: 0))
    }

    /// Spark's type of `round(decimal(precision, scale), to)` for a negative `to`: scale 0, with room
    /// for the integral digits plus a carry, and for the `1` of `10^-to`.
    static func roundedDecimalType(precision: Int, scale: Int, to target: Int) -> DataType {
        .decimal(precision: min(38, max(precision - scale + 1, 1 - target)), scale: 0)
    }

    /// `round(decimal, scale)` for a negative scale: HALF_UP (away from zero at the half) to a
    /// multiple of `10^-scale`.
    static func roundToTens(_ decimals: Decimal128Array, scale: Int) throws -> Decimal128Array {
        guard case .decimal(let precision, let valueScale) = decimals.dataType else {
            throw ComputeError(.unsupported, "round to tens takes decimals, not \(decimals.dataType)")
        }
        let type = roundedDecimalType(precision: precision, scale: valueScale, to: scale)
        guard case .decimal(let resultPrecision, _) = type else { return decimals }
        // Digits beyond 38 round every value to zero.
        let dropped = valueScale - scale
        guard dropped <= 38 else { return Decimal128Array(decimals.map { $0.map { _ in 0 } }, dataType: type) }
        let divisor = powerOfTen(dropped)
        let unit = powerOfTen(-scale)
        var limit: Int128 = powerOfTen(resultPrecision)
        limit -= 1
        let values: [Int128?] = try decimals.map { value in
            guard let value else { return nil }
            let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
            var rounded = quotient
            if remainder.magnitude * 2 >= divisor.magnitude { rounded += value < 0 ? -1 : 1 }
            let (result, overflow) = rounded.multipliedReportingOverflow(by: unit)
            guard !overflow, result.magnitude <= limit.magnitude else {
                throw ComputeError(.numericValueOutOfRange, "round(\(value), \(scale)) does not fit in \(type)")
            }
            return result
        }
        return Decimal128Array(values, dataType: type)
    }

    private static func powerOfTen(_ exponent: Int) -> Int128 {
        var power: Int128 = 1
        for _ in 0..<exponent { power *= 10 }
        return power
    }

    /// `greatest` or `least`: per row the largest or smallest non-null argument (null when all are),
    /// with Spark's ordering (NaN above every double).
    static func extreme(_ arguments: KernelArguments, greatest: Bool) throws -> any ColumnArray {
        var result = try arguments.array(0)
        for index in 1..<arguments.count {
            let candidate = try arguments.array(index)
            let better = try compare(candidate, greatest ? .greater : .less, result)
            let rows = result.count
            // Indices into `result` followed by `candidate`.
            let chosen = (0..<rows).map { row in
                let takesCandidate =
                    candidate.isValid(row) && (result.isNull(row) || (better.isValid(row) && better.value(at: row)))
                return takesCandidate ? rows + row : row
            }
            result = try take(concatenate([result, candidate]), chosen)
        }
        return result
    }
}
