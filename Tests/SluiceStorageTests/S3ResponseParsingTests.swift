import Foundation
import Testing

@testable import SluiceStorage

@Suite("S3 response bodies")
struct S3ResponseParsingTests {
    @Test("a ListObjectsV2 page: objects, common prefixes and the continuation token")
    func listPage() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>lake</Name><Prefix>events/</Prefix><KeyCount>3</KeyCount><MaxKeys>2</MaxKeys>
              <Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>
              <Contents><Key>events/a&amp;b.parquet</Key><LastModified>2026-11-20T03:00:00.000Z</LastModified>
                <ETag>"x"</ETag><Size>434234</Size><StorageClass>STANDARD</StorageClass></Contents>
              <Contents><Key>events/ሴ=1.parquet</Key><LastModified>2026-11-20T03:00:01Z</LastModified>
                <Size>0</Size></Contents>
              <CommonPrefixes><Prefix>events/dt=2026-11-20/</Prefix></CommonPrefixes>
              <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
            </ListBucketResult>
            """
        let page = try S3ListObjectsResponse.page(from: Data(xml.utf8))
        #expect(page.objects.map(\.key) == ["events/a&b.parquet", "events/ሴ=1.parquet"])
        #expect(page.objects.map(\.size) == [434_234, 0])
        #expect(page.objects[0].lastModified == Date(timeIntervalSince1970: 1_795_143_600))
        #expect(page.objects[1].lastModified == Date(timeIntervalSince1970: 1_795_143_601))
        #expect(page.commonPrefixes == ["events/dt=2026-11-20/"])
        #expect(page.continuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
    }

    @Test("the last page has no token; broken bodies are clear errors")
    func lastPageAndErrors() throws {
        let last = "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>"
        #expect(try S3ListObjectsResponse.page(from: Data(last.utf8)) == ObjectListPage(objects: []))
        #expect(throws: S3ResponseError.self) { try S3ListObjectsResponse.page(from: Data("not xml".utf8)) }
        #expect(throws: S3ResponseError.self) {
            try S3ListObjectsResponse.page(
                from: Data("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>".utf8))
        }
        #expect(throws: S3ResponseError.self) {
            try S3ListObjectsResponse.page(
                from: Data("<ListBucketResult><Contents><Key>k</Key></Contents></ListBucketResult>".utf8))
        }
    }

    @Test("an S3 error document gives its code and message")
    func errorDocument() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchKey</Code><Message>The resource you requested does not exist</Message>
            <Resource>/lake/events/x.parquet</Resource><RequestId>4442587FB7D0A2F9</RequestId></Error>
            """
        #expect(
            S3ErrorResponse(Data(xml.utf8))
                == S3ErrorResponse(code: "NoSuchKey", message: "The resource you requested does not exist"))
        #expect(S3ErrorResponse(Data()) == nil)
        #expect(S3ErrorResponse(Data("<ListBucketResult/>".utf8)) == nil)
    }
}
