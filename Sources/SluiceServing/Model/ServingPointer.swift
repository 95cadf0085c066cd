import Foundation

/// The pointer row of one logical serving table: which physical table readers use, and what it
/// holds. Readers need only `activeTable`; the rest is for people and for the loader's checks.
public struct ServingPointer: Sendable, Hashable {
    /// The logical table readers ask for (`user_scores`).
    public var table: String
    /// The physical table readers query (`user_scores_1` or `user_scores_2`).
    public var activeTable: String
    /// Grows by one with every flip or rollback; the compare-and-set checks it.
    public var version: Int64
    /// When the active table's load finished.
    public var loadedAt: Date
    /// When this pointer row was last flipped: the next load waits out the reader gap from here.
    public var switchedAt: Date
    /// The result run the active table was loaded from.
    public var sourceRun: String
    public var rowCount: Int64

    public init(
        table: String, activeTable: String, version: Int64, loadedAt: Date, switchedAt: Date, sourceRun: String,
        rowCount: Int64
    ) {
        self.table = table
        self.activeTable = activeTable
        self.version = version
        self.loadedAt = loadedAt
        self.switchedAt = switchedAt
        self.sourceRun = sourceRun
        self.rowCount = rowCount
    }
}
