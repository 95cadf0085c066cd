import SluiceCore

/// Exact helpers for decimals stored as `Int128` unscaled values.
enum DecimalMath {
    /// 10^0 ... 10^38.
    static let powersOfTen: [UInt128] = {
        var powers: [UInt128] = [1]
        for _ in 1...38 {
            powers.append(powers[powers.count - 1] * 10)
        }
        return powers
    }()

    /// 10^digits for 0 <= digits <= 38.
    @inline(__always)
    static func powerOfTen(_ digits: Int) -> UInt128 { powersOfTen[digits] }

    /// Whether `unscaled` has at most `precision` digits.
    @inline(__always)
    static func fits(_ unscaled: Int128, precision: Int) -> Bool {
        unscaled.magnitude < powersOfTen[precision]
    }

    /// A signed value from a sign and a wide magnitude, when it has at most `precision` digits.
    static func signed(negative: Bool, _ magnitude: WideMagnitude, precision: Int) -> Int128? {
        guard let narrow = magnitude.narrow, narrow < powersOfTen[precision] else { return nil }
        let value = Int128(narrow)
        return negative ? -value : value
    }

    /// `unscaled` moved from scale `from` to scale `to` (rounding half up when the scale shrinks); nil
    /// when the result has more than `precision` digits.
    static func rescale(_ unscaled: Int128, from: Int, to: Int, precision: Int) -> Int128? {
        let magnitude: WideMagnitude
        if to >= from {
            guard to - from <= 38 else { return unscaled == 0 ? 0 : nil }
            magnitude = WideMagnitude(unscaled.magnitude, times: powerOfTen(to - from))
        } else {
            magnitude = WideMagnitude(low: unscaled.magnitude).roundedDividing(byPowerOfTen: from - to)
        }
        return signed(negative: unscaled < 0, magnitude, precision: precision)
    }
}
