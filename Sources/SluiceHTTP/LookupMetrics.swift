import SluiceCore
import Synchronization

/// The service's counters and lookup latencies, shared by every request, rendered in the
/// Prometheus text format for `GET /metrics`.
///
/// Pointer refreshes and cache hits are not counted here: the readers count them, and the
/// rendering takes them as they are at scrape time.
public final class LookupMetrics: Sendable {
    /// A reader's pointer counters at scrape time.
    public struct PointerCounters: Sendable {
        public var table: String
        public var refreshes: Int
        public var cacheHits: Int

        public init(table: String, refreshes: Int, cacheHits: Int) {
            self.table = table
            self.refreshes = refreshes
            self.cacheHits = cacheHits
        }
    }

    private struct State {
        var found: [String: Int] = [:]
        var missing: [String: Int] = [:]
        var unauthorized = 0
        var badRequests = 0
        var latency = LatencyHistogram()
    }

    private let state = Mutex(State())

    public init() {}

    /// Counts one answered lookup request: its keys found and missing, and how long the reader
    /// took.
    public func recordLookup(table: String, found: Int, missing: Int, seconds: Double) {
        state.withLock {
            $0.found[table, default: 0] += found
            $0.missing[table, default: 0] += missing
            $0.latency.observe(seconds)
        }
    }

    /// Counts a lookup request whose reader failed: only its latency.
    public func recordFailedLookup(seconds: Double) {
        state.withLock { $0.latency.observe(seconds) }
    }

    public func recordUnauthorized() {
        state.withLock { $0.unauthorized += 1 }
    }

    public func recordBadRequest() {
        state.withLock { $0.badRequests += 1 }
    }

    /// The metrics in the Prometheus text exposition format, one series per served table
    /// (`tables`) even before its first lookup.
    public func prometheusText(tables: [String], pointers: [PointerCounters]) -> String {
        let state = state.withLock { $0 }
        var text = ""
        func family(_ name: String, _ type: String, _ help: String) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        family("sluice_lookups_total", "counter", "Keys looked up, by table and whether a row was found.")
        for table in tables.sorted() {
            let label = Self.labelValue(table)
            text += "sluice_lookups_total{table=\(label),outcome=\"found\"} \(state.found[table, default: 0])\n"
            text += "sluice_lookups_total{table=\(label),outcome=\"missing\"} \(state.missing[table, default: 0])\n"
        }
        let pointers = pointers.sorted { $0.table < $1.table }
        family("sluice_pointer_refreshes_total", "counter", "Pointer reads from the store, by table.")
        for pointer in pointers {
            text += "sluice_pointer_refreshes_total{table=\(Self.labelValue(pointer.table))} \(pointer.refreshes)\n"
        }
        family("sluice_pointer_cache_hits_total", "counter", "Lookups answered with the cached pointer, by table.")
        for pointer in pointers {
            text += "sluice_pointer_cache_hits_total{table=\(Self.labelValue(pointer.table))} \(pointer.cacheHits)\n"
        }
        family("sluice_unauthorized_total", "counter", "Requests refused for a missing or wrong bearer token.")
        text += "sluice_unauthorized_total \(state.unauthorized)\n"
        family("sluice_bad_requests_total", "counter", "Requests refused as malformed (400).")
        text += "sluice_bad_requests_total \(state.badRequests)\n"
        family("sluice_lookup_seconds", "histogram", "Time the reader took to answer a lookup request.")
        for bucket in state.latency.cumulativeBuckets {
            text += "sluice_lookup_seconds_bucket{le=\"\(bucket.le)\"} \(bucket.count)\n"
        }
        text += "sluice_lookup_seconds_sum \(state.latency.sum)\n"
        text += "sluice_lookup_seconds_count \(state.latency.count)\n"
        return text
    }

    /// A quoted label value; table names are identifiers, the escaping only keeps the format whole.
    private static func labelValue(_ value: String) -> String {
        BackslashEscaping.quoted(value, quote: "\"")
    }
}
