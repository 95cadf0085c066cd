/// A 256-bit unsigned integer, just wide enough for the exact intermediates of decimal arithmetic: the
/// product of two 38-digit values, or a 38-digit value times 10^38.
struct WideMagnitude: Equatable, Comparable {
    var high: UInt128
    var low: UInt128

    init(high: UInt128 = 0, low: UInt128) {
        self.high = high
        self.low = low
    }

    /// The full product of two 128-bit magnitudes.
    init(_ left: UInt128, times right: UInt128) {
        let (high, low) = left.multipliedFullWidth(by: right)
        self.init(high: high, low: low)
    }

    static func < (lhs: WideMagnitude, rhs: WideMagnitude) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }

    /// `self + other`; nil on overflow past 256 bits.
    func adding(_ other: WideMagnitude) -> WideMagnitude? {
        let (low, carry) = low.addingReportingOverflow(other.low)
        let (high1, overflow1) = high.addingReportingOverflow(other.high)
        let (high2, overflow2) = high1.addingReportingOverflow(carry ? 1 : 0)
        return overflow1 || overflow2 ? nil : WideMagnitude(high: high2, low: low)
    }

    /// `self - other` for `other <= self`.
    func subtracting(_ other: WideMagnitude) -> WideMagnitude {
        let (low, borrow) = low.subtractingReportingOverflow(other.low)
        return WideMagnitude(high: high &- other.high &- (borrow ? 1 : 0), low: low)
    }

    /// `self * factor`; nil on overflow past 256 bits.
    func multiplied(by factor: UInt128) -> WideMagnitude? {
        let lowProduct = WideMagnitude(low, times: factor)
        let (highHigh, highLow) = high.multipliedFullWidth(by: factor)
        guard highHigh == 0 else { return nil }
        let (sum, overflow) = lowProduct.high.addingReportingOverflow(highLow)
        return overflow ? nil : WideMagnitude(high: sum, low: lowProduct.low)
    }

    /// Quotient and remainder of a division by a nonzero 128-bit divisor (long division in two steps).
    func divided(by divisor: UInt128) -> (quotient: WideMagnitude, remainder: UInt128) {
        let highQuotient = high / divisor
        let highRemainder = high % divisor
        let (lowQuotient, remainder) = divisor.dividingFullWidth((high: highRemainder, low: low))
        return (WideMagnitude(high: highQuotient, low: lowQuotient), remainder)
    }

    /// Divides by `10^digits`, rounding half up (away from zero on the magnitude), as Java's
    /// `RoundingMode.HALF_UP` does.
    func roundedDividing(byPowerOfTen digits: Int) -> WideMagnitude {
        guard digits > 0 else { return self }
        // Truncate all but the last dropped digit, then look at that digit.
        var value = self
        var remaining = digits - 1
        while remaining > 0 {
            let step = min(remaining, 38)
            value = value.divided(by: DecimalMath.powerOfTen(step)).quotient
            remaining -= step
        }
        let (quotient, lastDigit) = value.divided(by: 10)
        return lastDigit >= 5 ? (quotient.adding(WideMagnitude(low: 1)) ?? quotient) : quotient
    }

    /// The value as a 128-bit magnitude when it fits.
    var narrow: UInt128? { high == 0 ? low : nil }
}
