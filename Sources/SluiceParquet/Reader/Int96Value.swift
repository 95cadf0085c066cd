/// One INT96 value as stored: 12 little-endian bytes, the nanoseconds of the day (Int64) and then
/// the Julian day (UInt32) of a legacy Impala/Spark timestamp. Three UInt32 words give the type a
/// stride of exactly 12 bytes, so PLAIN pages and dictionaries copy it in bulk.
struct Int96Value: BitwiseCopyable, Equatable {
    var word0: UInt32
    var word1: UInt32
    var word2: UInt32

    /// The Julian day number of 1970-01-01.
    static let unixEpochJulianDay: Int64 = 2_440_588
    static let nanosecondsPerDay: Int64 = 86_400_000_000_000

    /// Nanoseconds since the Unix epoch. Arithmetic wraps, as pyarrow's conversion does, so
    /// out-of-range values never trap.
    var nanosecondsSinceEpoch: Int64 {
        let nanosOfDay = Int64(
            bitPattern: UInt64(UInt32(littleEndian: word0)) | UInt64(UInt32(littleEndian: word1)) << 32)
        let julianDay = Int64(UInt32(littleEndian: word2))
        return (julianDay &- Self.unixEpochJulianDay) &* Self.nanosecondsPerDay &+ nanosOfDay
    }
}
