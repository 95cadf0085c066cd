/// Fills `writer` with `predicate(row)` for every row, one 64-bit word at a time (no per-bit
/// read-modify-write), which lets the compiler vectorise the predicate.
@inline(__always)
func fillBits(_ writer: borrowing BitmapWriter, _ predicate: (Int) -> Bool) {
    let count = writer.count
    let words = writer.words
    var base = 0
    while base + 64 <= count {
        var word: UInt64 = 0
        for bit in 0..<64 {
            word |= (predicate(base &+ bit) ? 1 : 0) &<< UInt64(bit)
        }
        words[base &>> 6] = word
        base &+= 64
    }
    if base < count {
        var word: UInt64 = 0
        for bit in 0..<(count - base) {
            word |= (predicate(base &+ bit) ? 1 : 0) &<< UInt64(bit)
        }
        words[base &>> 6] = word
    }
}
