import SluiceServing

/// How `sluice run` runs tasks, beyond the job's settings.
public struct RunOptions: Sendable, Hashable {
    /// Load only this shard of the result (`--shard I/N`); `sluice switch` flips once all have run.
    public var shard: ShardSpec?
    /// Inside the gap after a flip, wait for readers to leave the retired table (false: fail).
    public var waitForFlipGap: Bool

    public init(shard: ShardSpec? = nil, waitForFlipGap: Bool = true) {
        self.shard = shard
        self.waitForFlipGap = waitForFlipGap
    }
}
