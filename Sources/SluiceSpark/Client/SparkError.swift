import SluiceCore

/// Why a Spark Connect call failed.
public enum SparkError: SluiceError, Equatable {
    /// The connection string is malformed (shown without its parameters).
    case invalidURL(String, reason: String)
    /// No connection could be made within the retries.
    case unreachable(String, attempts: Int, reason: String)
    /// Spark refused or failed the request: its error class (condition), message, SQLSTATE, and
    /// where in the SQL the error is, when Spark says.
    case server(ServerError)
    /// The server answered with something this client cannot use.
    case protocolViolation(String)

    /// An error Spark reported.
    public struct ServerError: Sendable, Equatable {
        /// Spark's error class (`TABLE_OR_VIEW_NOT_FOUND`), when it has one.
        public var errorClass: String?
        public var message: String
        public var sqlState: String?
        /// The exception's class (`org.apache.spark.sql.AnalysisException`).
        public var exceptionClass: String?
        /// The 0-based character range of the SQL text the error points at, and that text.
        public var sqlRange: Range<Int>?
        public var fragment: String?
    }

    public var category: FailureCategory { .taskFailed }

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            return "invalid Spark Connect URL \(url): \(reason)"
        case .unreachable(let url, let attempts, let reason):
            return "cannot reach Spark Connect at \(url) (\(attempts) attempts): \(reason)"
        case .server(let error):
            var text = "Spark: \(error.message)"
            if let errorClass = error.errorClass, !error.message.contains(errorClass) {
                text = "Spark: [\(errorClass)] \(error.message)"
            }
            if let fragment = error.fragment, !fragment.isEmpty, let range = error.sqlRange {
                text += " (at characters \(range.lowerBound)-\(range.upperBound) of the SQL: \(fragment))"
            }
            return text
        case .protocolViolation(let what):
            return "Spark Connect: unexpected answer: \(what)"
        }
    }
}
