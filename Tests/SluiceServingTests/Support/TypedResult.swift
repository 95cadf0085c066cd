import SluiceCore

/// A result with a column of each kind the stores map differently, for the type-mapping tests:
/// row `i` holds key `i`, small `i * 1000`, flag `i` even, ratio `i / 4`, price `i + 0.05`,
/// day 2025-11-20 + `i` days, at 2025-11-20T00:53:20Z + `i` µs, raw `[i, 0, 255]`, note `n<i>`
/// (null in row 3) and tags `["a", "b<i>"]`.
enum TypedResult {
    static let fields = [
        Field("key", .int64, nullable: false), Field("small", .int16), Field("flag", .boolean),
        Field("ratio", .float64), Field("price", .decimal(precision: 10, scale: 2)), Field("day", .date32),
        Field("at", .timestamp(.microsecond, timezone: "UTC")), Field("raw", .binary), Field("note", .string),
        Field("tags", .list(Field("item", .string))),
    ]

    static func batch(rows: Int) throws -> RecordBatch {
        let key = Int64Builder(capacity: rows)
        let small = Int16Builder(capacity: rows)
        let flag = BooleanBuilder(capacity: rows)
        let ratio = Float64Builder(capacity: rows)
        let price = Decimal128Builder(dataType: .decimal(precision: 10, scale: 2), capacity: rows)
        let day = Date32Builder(dataType: .date32, capacity: rows)
        let at = TimestampBuilder(dataType: .timestamp(.microsecond, timezone: "UTC"), capacity: rows)
        let raw = BinaryBuilder(capacity: rows)
        let note = StringBuilder(capacity: rows)
        let tags = ListBuilder(child: StringBuilder())
        for index in 0..<rows {
            key.append(Int64(index))
            small.append(Int16(truncatingIfNeeded: index * 1000))
            flag.append(index % 2 == 0)
            ratio.append(Double(index) / 4)
            price.append(Int128(index * 100 + 5))
            day.append(Int32(20_412 + index))
            at.append(1_763_600_000_000_000 + Int64(index))
            raw.append([UInt8(truncatingIfNeeded: index), 0, 255])
            if index == 3 { note.appendNull() } else { note.append("n\(index)") }
            tags.appendList {
                $0.append("a")
                $0.append("b\(index)")
            }
        }
        return try RecordBatch(
            schema: Schema(fields),
            columns: [
                key.finish(), small.finish(), flag.finish(), ratio.finish(), price.finish(), day.finish(), at.finish(),
                raw.finish(), note.finish(), tags.finish(),
            ])
    }
}
