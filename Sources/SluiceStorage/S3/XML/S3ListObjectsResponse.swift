import Foundation

/// A ListObjectsV2 response (`<ListBucketResult>`) as one `ObjectListPage`.
enum S3ListObjectsResponse {
    static func page(from data: Data) throws(S3ResponseError) -> ObjectListPage {
        let xml = try S3XML(data, reading: "ListObjectsV2")
        guard xml.root.localName == "ListBucketResult" else {
            throw .malformed(what: "ListObjectsV2", detail: "root element <\(xml.root.localName ?? "")>")
        }
        var objects: [ObjectInfo] = []
        for contents in S3XML.children(of: xml.root, named: "Contents") {
            guard let key = S3XML.text(of: contents, "Key"), let sizeText = S3XML.text(of: contents, "Size"),
                let size = Int64(sizeText)
            else {
                throw .malformed(what: "ListObjectsV2", detail: "a <Contents> without a Key and a numeric Size")
            }
            let modified =
                S3XML.text(of: contents, "LastModified").flatMap(S3Time.date) ?? Date(timeIntervalSince1970: 0)
            objects.append(ObjectInfo(key: key, size: size, lastModified: modified))
        }
        let prefixes = S3XML.children(of: xml.root, named: "CommonPrefixes").compactMap { S3XML.text(of: $0, "Prefix") }
        let truncated = S3XML.text(of: xml.root, "IsTruncated") == "true"
        let token = truncated ? S3XML.text(of: xml.root, "NextContinuationToken") : nil
        if truncated && token == nil {
            throw .malformed(what: "ListObjectsV2", detail: "IsTruncated without a NextContinuationToken")
        }
        return ObjectListPage(objects: objects, commonPrefixes: prefixes, continuationToken: token)
    }
}
