import Foundation

extension Date {
    /// This time rounded to the millisecond, the precision the bookkeeping tables keep, so a
    /// pointer read back equals the one written.
    var wholeMilliseconds: Date {
        Date(timeIntervalSince1970: Double(Int64((timeIntervalSince1970 * 1000).rounded())) / 1000)
    }

    /// Now, to the millisecond.
    static var nowToTheMillisecond: Date { Date().wholeMilliseconds }
}
