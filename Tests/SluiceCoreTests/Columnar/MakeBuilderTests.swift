import SluiceCore
import Testing

@Suite("makeBuilder")
struct MakeBuilderTests {
    @Test(arguments: [
        DataType.boolean, .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64, .float16, .float32,
        .float64, .decimal(precision: 10, scale: 2), .string, .binary, .fixedSizeBinary(byteWidth: 3), .date32,
        .time(.millisecond), .time(.nanosecond), .timestamp(.second, timezone: "Europe/Paris"),
        .list(of: .int32), .struct([Field("a", .string), Field("b", .list(of: .boolean))]),
        .map(keys: .string, values: .list(of: .int64)),
    ])
    func buildsArraysOfTheRequestedType(dataType: DataType) {
        let builder = makeBuilder(for: dataType, capacity: 4)
        #expect(builder.dataType == dataType)
        builder.appendNulls(2)
        let array = builder.finish()
        #expect(array.dataType == dataType)
        #expect(array.count == 2)
        #expect(array.nullCount == 2)
        #expect(builder.count == 0)
    }

    @Test func downcastsToTheConcreteBuilder() throws {
        let timestamps = try #require(makeBuilder(for: .timestamp(.microsecond)) as? TimestampBuilder)
        timestamps.append(42)
        #expect(Array(timestamps.finish()) == [42])
        let times = try #require(makeBuilder(for: .time(.second)) as? Time32Builder)
        times.append(5)
        #expect(times.finish().dataType == .time(.second))
        let lists = try #require(makeBuilder(for: .list(of: .string)) as? ListBuilder<StringBuilder>)
        lists.append(["x"])
        #expect(lists.finish().count == 1)
        let maps = try #require(
            makeBuilder(for: .map(keys: .string, values: .int32)) as? MapBuilder<StringBuilder, Int32Builder>)
        maps.appendMap { keys, values in
            keys.append("k")
            values.append(1)
        }
        #expect(maps.finish().description == "map<string, int32> [{\"k\": 1}]")
    }
}
