/// Which byte ranges of a file to fetch for a set of column chunks of one row group, and where
/// each chunk sits inside the fetched bytes.
///
/// Chunks whose ranges are close (a gap smaller than `maxGap`) share one request: on object
/// stores a request costs far more than reading a few hundred kilobytes more, and locally one
/// `pread` of a contiguous span beats several.
public struct ColumnChunkFetchPlan: Sendable, Equatable {
    /// One request: its byte range and the chunks it covers.
    public struct Request: Sendable, Equatable {
        /// The file bytes fetched.
        public var range: Range<Int64>
        /// For each covered chunk, its position in the plan's input and its range in the file.
        public var chunks: [(index: Int, range: Range<Int64>)]

        public init(range: Range<Int64>, chunks: [(index: Int, range: Range<Int64>)]) {
            self.range = range
            self.chunks = chunks
        }

        public static func == (lhs: Request, rhs: Request) -> Bool {
            lhs.range == rhs.range
                && lhs.chunks.map(\.index) == rhs.chunks.map(\.index)
                && lhs.chunks.map(\.range) == rhs.chunks.map(\.range)
        }
    }

    /// The default largest gap between two chunks that one request still spans (1 MiB).
    public static let defaultMaxGap: Int64 = 1 << 20

    /// The requests, in file order.
    public let requests: [Request]

    /// Plans the requests for `ranges` (one per chunk, in any order), merging neighbours whose gap
    /// is below `maxGap` (0 merges only touching or overlapping ranges).
    public init(ranges: [Range<Int64>], maxGap: Int64 = ColumnChunkFetchPlan.defaultMaxGap) {
        let ordered = ranges.enumerated().sorted { $0.element.lowerBound < $1.element.lowerBound }
        var requests: [Request] = []
        for (index, range) in ordered {
            if var last = requests.last, case let gap = range.lowerBound - last.range.upperBound,
                gap <= 0 || gap < maxGap
            {
                last.range = last.range.lowerBound..<max(last.range.upperBound, range.upperBound)
                last.chunks.append((index, range))
                requests[requests.count - 1] = last
            } else {
                requests.append(Request(range: range, chunks: [(index, range)]))
            }
        }
        self.requests = requests
    }
}
