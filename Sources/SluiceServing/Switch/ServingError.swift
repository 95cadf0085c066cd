import Foundation
import SluiceCore

/// Why a load, switch, rollback or lookup did not happen. Each names the table and what to do.
public enum ServingError: SluiceError, Equatable {
    /// The result cannot be loaded as the job describes it.
    case unsupportedColumn(table: String, column: String, detail: String)
    case missingColumn(table: String, column: String, resultColumns: [String])
    /// Another process holds the loader lock.
    case loadInProgress(lock: String, holder: String)
    /// The last flip was too recent: readers may still be on the table this load would empty.
    case insideFlipGap(table: String, retiredTable: String, readyAt: Date)
    /// Validation refused to flip to the loaded table.
    case validationRefused(table: String, physicalTable: String, reasons: [String])
    /// Shards of the load have not reported.
    case shardsMissing(table: String, sourceRun: String, missing: [Int], shardCount: Int)
    /// Nothing was loaded for the switch to flip to.
    case nothingToSwitch(table: String, detail: String)
    /// Another loader flipped the pointer first.
    case lostRace(table: String, expectedVersion: Int64?, foundVersion: Int64?)
    case rollbackUnavailable(table: String, detail: String)
    /// No load has flipped the pointer of this table yet (or it is not a serving table).
    case notServing(table: String)
    case invalidKey(table: String, detail: String)
    case keysNotFound(table: String, keys: [String])
    case invalidShard(String)
    /// Writing the rows failed: the part file being read and the store's message.
    case loadFailed(table: String, detail: String)
    /// The pointer named the table this load was about to claim: another process flipped or
    /// rolled back meanwhile.
    case claimedActiveTable(table: String, physicalTable: String)
    /// The loader lock's lease ran out or another process took it over mid-load.
    case lockLost(lock: String)
    /// A keyspace or table name the store cannot use safely.
    case invalidName(kind: String, name: String, rule: String)
    /// The store refused or failed an operation (its message, with what was being done).
    case storeFailed(store: String, operation: String, detail: String)

    /// A lookup key with the wrong number of parts for the table's key columns.
    static func wrongKeyParts(table: String, keyColumns: [String], given: Int) -> ServingError {
        .invalidKey(
            table: table,
            detail: "a key has \(keyColumns.count) part\(keyColumns.count == 1 ? "" : "s") "
                + "(\(keyColumns.joined(separator: ", "))), got \(given)")
    }

    public var category: FailureCategory {
        switch self {
        case .validationRefused: .validationRefused
        case .invalidShard: .usage
        default: .taskFailed
        }
    }

    public var description: String {
        switch self {
        case .unsupportedColumn(let table, let column, let detail):
            return "serving table \(table), column \(column): \(detail)"
        case .missingColumn(let table, let column, let resultColumns):
            return "serving table \(table): the result has no column \"\(column)\" "
                + "(it has \(resultColumns.joined(separator: ", ")))"
        case .loadInProgress(let lock, let holder):
            return "another load of \(lock) is running (\(holder)); it keeps the inactive table until it ends"
        case .insideFlipGap(let table, let retiredTable, let readyAt):
            return "\(table) flipped too recently: readers may still be reading \(retiredTable) until "
                + "\(ISO8601DateFormatter().string(from: readyAt)) (pointer TTL + request timeout + margin); "
                + "run again after that, or without --no-wait to wait"
        case .validationRefused(let table, let physicalTable, let reasons):
            return "validation refused to switch \(table) to \(physicalTable): \(reasons.joined(separator: "; ")); "
                + "the pointer is unchanged and readers stay on the active table"
        case .shardsMissing(let table, let sourceRun, let missing, let shardCount):
            return "\(table): shard\(missing.count == 1 ? "" : "s") "
                + "\(missing.map { "\($0)/\(shardCount)" }.joined(separator: ", ")) of the load of \(sourceRun) "
                + "\(missing.count == 1 ? "has" : "have") not finished; run them (--shard I/\(shardCount)), then switch"
        case .nothingToSwitch(let table, let detail):
            return "\(table): nothing to switch to: \(detail)"
        case .lostRace(let table, let expected, let found):
            return "\(table): another loader flipped the pointer first (expected version "
                + "\(expected.map(String.init) ?? "none"), found \(found.map(String.init) ?? "none")); "
                + "this load was not switched in"
        case .rollbackUnavailable(let table, let detail):
            return "cannot roll \(table) back: \(detail)"
        case .notServing(let table):
            return "\(table) is not a serving table with a loaded pointer (no load has switched it in yet)"
        case .invalidKey(let table, let detail):
            return "\(table): \(detail)"
        case .keysNotFound(let table, let keys):
            return "\(table): no row for key\(keys.count == 1 ? "" : "s") \(keys.joined(separator: ", "))"
        case .loadFailed(let table, let detail):
            return "loading \(table) failed: \(detail)"
        case .claimedActiveTable(let table, let physicalTable):
            return "\(table): \(physicalTable) became the active table while this load started (a flip or rollback "
                + "by another process); it was not touched, run the load again"
        case .lockLost(let lock):
            return "lost the loader lock \(lock) (its lease ran out or another process took it over); this load "
                + "stopped and did not switch, run it again"
        case .invalidName(let kind, let name, let rule):
            return "invalid \(kind) name \"\(name)\": \(rule)"
        case .storeFailed(let store, let operation, let detail):
            return "\(store): \(operation) failed: \(detail)"
        case .invalidShard(let text):
            return "invalid shard \"\(text)\": expected I/N with 1 <= I <= N (e.g. 2/8)"
        }
    }
}
