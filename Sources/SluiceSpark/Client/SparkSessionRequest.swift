import SwiftProtobuf

/// A request that names its session: every Spark Connect request carries the session id, the user
/// and the client type.
protocol SparkSessionRequest: SwiftProtobuf.Message {
    var sessionID: String { get set }
    var userContext: Spark_Connect_UserContext { get set }
    var clientType: String { get set }
}

extension Spark_Connect_ExecutePlanRequest: SparkSessionRequest {}
extension Spark_Connect_AnalyzePlanRequest: SparkSessionRequest {}
extension Spark_Connect_ConfigRequest: SparkSessionRequest {}
extension Spark_Connect_InterruptRequest: SparkSessionRequest {}
extension Spark_Connect_ReattachExecuteRequest: SparkSessionRequest {}
extension Spark_Connect_ReleaseExecuteRequest: SparkSessionRequest {}
extension Spark_Connect_FetchErrorDetailsRequest: SparkSessionRequest {}

extension SparkConnectClient {
    /// An empty request of this client's session.
    func sessionRequest<Request: SparkSessionRequest>(_: Request.Type = Request.self) -> Request {
        var request = Request()
        request.sessionID = sessionID
        request.userContext = userContext
        request.clientType = Self.clientType
        return request
    }
}
