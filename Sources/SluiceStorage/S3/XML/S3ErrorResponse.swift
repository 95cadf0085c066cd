import Foundation

/// The `<Error>` body S3 answers a failed request with: its code (`NoSuchKey`,
/// `SignatureDoesNotMatch`, …) and message.
public struct S3ErrorResponse: Sendable, Equatable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// Nil when the body is not an S3 error document (HEAD answers have no body).
    public init?(_ data: Data) {
        guard let xml = try? S3XML(data, reading: "an error"), xml.root.localName == "Error",
            let code = S3XML.text(of: xml.root, "Code")
        else { return nil }
        self.code = code
        message = S3XML.text(of: xml.root, "Message") ?? ""
    }
}
