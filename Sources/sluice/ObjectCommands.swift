import ArgumentParser
import Foundation
import SluiceCore
import SluiceStorage

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List objects under an s3:// URL or a local folder: folders as PRE lines, then objects.")

    @OptionGroup var s3: S3Options

    @Argument(help: "s3://bucket/prefix or a local folder.")
    var location: String

    @Flag(name: .shortAndLong, help: "List every object below, not just one level.")
    var recursive = false

    func run() async throws {
        let parsed = try ObjectLocation(location)
        let (store, key) = try s3.opener().open(parsed)
        // Like `aws s3 ls`: one level shows names inside the folder, --recursive full keys.
        let folder = recursive ? "" : String(key[..<(key.lastIndex(of: "/").map(key.index(after:)) ?? key.startIndex)])
        try await store.closing {
            var token: String?
            repeat {
                let page = try await store.listPage(
                    prefix: key, delimiter: recursive ? nil : "/", continuationToken: token)
                print(ObjectListingText.render(page, under: folder), terminator: "")
                token = page.continuationToken
            } while token != nil
        }
    }
}

struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cp",
        abstract: "Copy objects between local files and S3, either way.",
        discussion: """
            A destination ending in / is a folder: the object keeps its name there. With --recursive, \
            every object under SOURCE goes to the same relative key under DESTINATION. Uploads larger \
            than one part are multipart uploads, aborted on failure, so nothing half-written stays.
            """)

    @OptionGroup var s3: S3Options

    @Argument(help: "A local file or folder, or an s3:// URL.")
    var source: String

    @Argument(help: "A local file or folder, or an s3:// URL.")
    var destination: String

    @Flag(name: .shortAndLong, help: "Copy every object under SOURCE.")
    var recursive = false

    func run() async throws {
        let summary = try await ObjectTransfer(opener: try s3.opener())
            .copy(from: source, to: destination, recursive: recursive)
        print(
            "copied \(summary.objects) object\(summary.objects == 1 ? "" : "s"), \(ByteCountText.format(summary.bytes))"
        )
    }
}

struct PresignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presign",
        abstract: "Print a URL that lets anyone download an S3 object until it expires.")

    @OptionGroup var s3: S3Options

    @Argument(help: "s3://bucket/key")
    var url: String

    @Option(help: "How long the URL works: e.g. 900, 15m, 12h (at most 7 days).")
    var expires = "1h"

    func run() async throws {
        guard let seconds = DurationSyntax.seconds(expires), seconds >= 1, seconds <= 604_800 else {
            throw ValidationError("--expires: expected a duration from 1s to 7 days such as 15m, got \"\(expires)\"")
        }
        let parsed = try S3URL(url)
        let store = try s3.store(for: parsed)
        try await store.closing { print(try await store.presignedURL(for: parsed.path, expiresIn: Int(seconds))) }
    }
}

struct MakeBucketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mb", abstract: "Create an S3 bucket (for S3-compatible stores and tests).")

    @OptionGroup var s3: S3Options

    @Argument(help: "s3://bucket")
    var url: String

    func run() async throws {
        let parsed = try S3URL(url)
        let store = try s3.store(for: parsed)
        try await store.closing { try await store.client.createBucket(parsed.bucket) }
        print("created s3://\(parsed.bucket)")
    }
}
