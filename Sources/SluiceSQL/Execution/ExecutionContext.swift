import Foundation
import SluiceCore

/// The options of the query being run, seen by its operators and the tasks they start (a task-local
/// value, set by `QueryBatches` around each pull), so they need not be passed down the tree.
enum ExecutionContext {
    @TaskLocal static var options = QueryOptions()

    /// Throws `QueryMemoryError` when the process holds more than the query's memory limit.
    /// Operators that hold their input call it once per batch they keep.
    static func checkMemory(_ holder: @autoclosure () -> String) throws {
        guard let limit = options.memoryLimit, let resident = ResidentMemory.bytes(), resident > limit else { return }
        throw QueryMemoryError(limit: limit, resident: resident, holder: holder())
    }
}

/// The process's resident set size, from `/proc/self/statm` (nil where there is no such file).
enum ResidentMemory {
    private static let pageSize = Int64(sysconf(Int32(_SC_PAGESIZE)))

    static func bytes() -> Int64? {
        let descriptor = open("/proc/self/statm", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        // "size resident shared …" in pages.
        let fields = buffer[0..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int64(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * pageSize
    }
}
