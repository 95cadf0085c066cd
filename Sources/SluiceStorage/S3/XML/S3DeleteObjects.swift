import Foundation

/// The DeleteObjects request body and the per-key errors in its `<DeleteResult>`.
enum S3DeleteObjects {
    struct Refusal: Equatable {
        var key: String
        var code: String
        var message: String
    }

    /// `<Delete><Quiet>true</Quiet><Object><Key>…</Key></Object>…</Delete>`: quiet, so the answer
    /// lists only the keys that could not be deleted.
    static func requestBody(keys: some Sequence<String>) -> [UInt8] {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">"#
        xml += "<Quiet>true</Quiet>"
        for key in keys { xml += "<Object><Key>\(XMLText.escape(key))</Key></Object>" }
        xml += "</Delete>"
        return Array(xml.utf8)
    }

    static func errors(in data: Data) throws(S3ResponseError) -> [Refusal] {
        // Some stores answer a fully quiet delete with an empty body.
        if data.isEmpty { return [] }
        let xml = try S3XML(data, reading: "DeleteObjects")
        return S3XML.children(of: xml.root, named: "Error").map {
            Refusal(
                key: S3XML.text(of: $0, "Key") ?? "", code: S3XML.text(of: $0, "Code") ?? "",
                message: S3XML.text(of: $0, "Message") ?? "")
        }
    }
}
