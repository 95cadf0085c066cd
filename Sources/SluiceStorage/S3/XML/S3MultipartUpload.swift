import Foundation

/// The multipart-upload documents: the upload ID from `<InitiateMultipartUploadResult>` and the
/// `<CompleteMultipartUpload>` list of parts.
enum S3MultipartUpload {
    static func uploadID(from data: Data) throws(S3ResponseError) -> String {
        let xml = try S3XML(data, reading: "CreateMultipartUpload")
        guard let id = S3XML.text(of: xml.root, "UploadId"), !id.isEmpty else {
            throw .malformed(what: "CreateMultipartUpload", detail: "no <UploadId>")
        }
        return id
    }

    /// Parts in ascending part-number order, each with the ETag its upload returned.
    static func completionBody(parts: [(number: Int, etag: String)]) -> [UInt8] {
        var xml =
            #"<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">"#
        for part in parts.sorted(by: { $0.number < $1.number }) {
            xml += "<Part><PartNumber>\(part.number)</PartNumber><ETag>\(XMLText.escape(part.etag))</ETag></Part>"
        }
        xml += "</CompleteMultipartUpload>"
        return Array(xml.utf8)
    }
}
