/// What one loader did.
public enum ShardOutcome: Sendable, Equatable {
    /// The active table already holds this result: nothing was written.
    case upToDate(ServingPointer)
    /// The shard's part files were written into `physicalTable`.
    case loaded(physicalTable: String, shard: ShardSpec, rows: Int64, replacedSchema: ServingSchema?)
}

/// What a save or switch did.
public enum SwitchOutcome: Sendable, Equatable {
    /// The active table already holds the newest result: the pointer was left alone.
    case upToDate(ServingPointer)
    /// The pointer now names the freshly loaded table.
    case switched(to: ServingPointer, from: ServingPointer?)
}
