/// A cursor over the bytes of one string value, for the allocation-free parsers of the casts.
struct TextScanner {
    let bytes: UnsafeRawBufferPointer
    var position: Int
    var end: Int

    /// A scanner over `bytes` with leading and trailing whitespace and control characters removed, as
    /// Spark trims before casting (`UTF8String.trimAll`).
    init(trimming bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        position = 0
        end = bytes.count
        while position < end && bytes[position] <= 0x20 { position += 1 }
        while end > position && bytes[end - 1] <= 0x20 { end -= 1 }
    }

    var isAtEnd: Bool { position >= end }
    var remaining: Int { end - position }

    /// The next byte without consuming it; 0 at the end.
    var peek: UInt8 { position < end ? bytes[position] : 0 }

    /// Consumes `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard position < end, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Consumes a run of ASCII digits (at most `maxCount`) and returns their value and count.
    mutating func digits(maxCount: Int = 18) -> (value: Int64, count: Int) {
        var value: Int64 = 0
        var count = 0
        while position < end, count < maxCount {
            let byte = bytes[position]
            guard byte >= 0x30 && byte <= 0x39 else { break }
            value = value * 10 + Int64(byte - 0x30)
            count += 1
            position += 1
        }
        return (value, count)
    }

    /// Whether the rest equals `word`, ignoring ASCII case.
    func restEquals(caseInsensitive word: StaticString) -> Bool {
        guard remaining == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for index in 0..<remaining {
            let byte = bytes[position + index]
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if lowered != pointer[index] { return false }
        }
        return true
    }
}
