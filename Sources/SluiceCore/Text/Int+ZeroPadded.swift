extension BinaryInteger {
    /// `7.zeroPadded(width: 3)` → `007`; negative values keep their sign in front.
    public func zeroPadded(width: Int) -> String {
        let digits = String(self.magnitude)
        let padded = String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
        return self < 0 ? "-" + padded : padded
    }
}
