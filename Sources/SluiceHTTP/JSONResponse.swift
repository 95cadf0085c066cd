import Hummingbird
import SluiceCore

/// Responses whose body is JSON text the service has already rendered.
enum JSONResponse {
    static func ok(_ json: String) -> Response {
        make(.ok, json)
    }

    /// `{"error": message}` with `status`.
    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        make(status, "{\"error\":" + BackslashEscaping.quoted(message, quote: "\"") + "}")
    }

    private static func make(_ status: HTTPResponse.Status, _ json: String) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: json + "\n")))
    }
}
