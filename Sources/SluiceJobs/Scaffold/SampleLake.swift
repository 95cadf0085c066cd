import SluiceCore
import SluiceParquet
import SluiceStorage

/// The example project's lake data: `users/` and one `events/dt=<date>/` folder per day, made up
/// from a fixed seed so every machine gets the same rows and the same job results.
public struct SampleLake: Sendable {
    public var userCount: Int
    public var eventsPerDay: Int

    public init(userCount: Int = 1_000, eventsPerDay: Int = 20_000) {
        self.userCount = userCount
        self.eventsPerDay = eventsPerDay
    }

    public static let usersSchema = Schema([
        Field("user_id", .int64, nullable: false),
        Field("name", .string, nullable: false),
        Field("country", .string),
        Field("active", .boolean, nullable: false),
        Field("signup_date", .date32, nullable: false),
    ])

    public static let eventsSchema = Schema([
        Field("event_id", .string, nullable: false),
        Field("user_id", .int64, nullable: false),
        Field("event_type", .string, nullable: false),
        Field("event_time", .timestamp(.microsecond, timezone: "UTC"), nullable: false),
        Field("amount", .decimal(precision: 10, scale: 2)),
    ])

    static let countries = ["DE", "FR", "NL", "PL", "SE", "US"]
    static let eventTypes = ["view", "view", "view", "click", "click", "purchase"]

    /// Every user, once. About one in ten is inactive; a few have no country.
    public func users() throws -> RecordBatch {
        var random = SplitMix64(seed: 42)
        let ids = Int64Builder(capacity: userCount)
        let names = StringBuilder(capacity: userCount)
        let countries = StringBuilder(capacity: userCount)
        let active = BooleanBuilder(capacity: userCount)
        let signups = Date32Builder(dataType: .date32, capacity: userCount)
        let firstSignup = CivilDate(daysSinceEpoch: 19_000)
        for index in 0..<userCount {
            ids.append(Int64(index + 1))
            names.append("user-\(index + 1)")
            if random.next() % 50 == 0 {
                countries.appendNull()
            } else {
                countries.append(Self.countries[Int(random.next() % UInt64(Self.countries.count))])
            }
            active.append(random.next() % 10 != 0)
            signups.append(Int32(firstSignup.daysSinceEpoch + Int(random.next() % 1_500)))
        }
        return try RecordBatch(
            schema: Self.usersSchema,
            columns: [ids.finish(), names.finish(), countries.finish(), active.finish(), signups.finish()]
        )
    }

    /// One day's events, all timestamped within that day (UTC); purchases carry an amount.
    public func events(on date: LogicalDate) throws -> RecordBatch {
        let day = date.date.daysSinceEpoch
        var random = SplitMix64(seed: UInt64(bitPattern: Int64(day)))
        let ids = StringBuilder(capacity: eventsPerDay)
        let users = Int64Builder(capacity: eventsPerDay)
        let types = StringBuilder(capacity: eventsPerDay)
        let times = TimestampBuilder(dataType: .timestamp(.microsecond, timezone: "UTC"), capacity: eventsPerDay)
        let amounts = Decimal128Builder(dataType: .decimal(precision: 10, scale: 2), capacity: eventsPerDay)
        let dayStart = Int64(day) * 86_400_000_000
        for index in 0..<eventsPerDay {
            ids.append("\(date.dsNodash)-\(index)")
            users.append(Int64(random.next() % UInt64(userCount)) + 1)
            let type = Self.eventTypes[Int(random.next() % UInt64(Self.eventTypes.count))]
            types.append(type)
            times.append(dayStart + Int64(random.next() % 86_400_000_000))
            if type == "purchase" {
                amounts.append(Int128(random.next() % 50_000) + 100)
            } else {
                amounts.appendNull()
            }
        }
        return try RecordBatch(
            schema: Self.eventsSchema,
            columns: [ids.finish(), users.finish(), types.finish(), times.finish(), amounts.finish()]
        )
    }

    /// Writes `users/part-00000.parquet` and `events/dt=<date>/part-00000.parquet` per date.
    public func write(into store: any ObjectStore, dates: [LogicalDate]) async throws {
        try await Self.writeFile(try users(), to: "users/part-00000.parquet", in: store)
        for date in dates {
            try await Self.writeFile(try events(on: date), to: "events/dt=\(date.ds)/part-00000.parquet", in: store)
        }
    }

    private static func writeFile(_ batch: RecordBatch, to key: String, in store: any ObjectStore) async throws {
        let writer = try await ParquetFileWriter(schema: batch.schema, store: store, key: key)
        do {
            try await writer.write(batch)
            _ = try await writer.close()
        } catch {
            await writer.abort()
            throw error
        }
    }
}
