import SluiceCore
import SluiceStorage

/// How many objects and bytes sit under a prefix, for dry-run plans.
struct PrefixSize: CustomStringConvertible {
    var objects: Int64 = 0
    var bytes: Int64 = 0

    static func measure(store: any ObjectStore, prefix: String, context: TaskContext) async throws -> PrefixSize {
        var size = PrefixSize()
        let progress = context.startProgress("listing \(prefix)")
        for try await object in store.list(prefix: prefix) {
            size.objects += 1
            size.bytes += object.size
            progress.advance(by: 1)
        }
        progress.finish()
        return size
    }

    var description: String {
        objects == 0
            ? "no objects yet"
            : "\(objects) object\(objects == 1 ? "" : "s"), \(ByteCountText.format(bytes))"
    }
}
