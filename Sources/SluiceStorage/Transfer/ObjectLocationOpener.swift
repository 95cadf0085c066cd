import Foundation

/// Opens the store behind an `ObjectLocation`: a local folder, or an S3 bucket with the settings
/// the command line gave (endpoint, region, profile) and the rest from the environment.
public struct ObjectLocationOpener: Sendable {
    /// Settings for every bucket opened; `bucket` and `prefix` are replaced per location.
    public var s3Template: S3StoreSettings
    public var environment: AWSEnvironment

    public init(
        s3Template: S3StoreSettings = S3StoreSettings(bucket: "-"), environment: AWSEnvironment = AWSEnvironment()
    ) {
        self.s3Template = s3Template
        self.environment = environment
    }

    /// A store and the key (or prefix) inside it. A local file opens its folder, a local folder
    /// itself with an empty key; an S3 location opens the bucket, with the path as the key.
    public func open(_ location: ObjectLocation) throws -> (store: any ObjectStore, key: String) {
        switch location {
        case .local(let path):
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isFolder: ObjCBool = false
            if location.namesFolder
                || (FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue)
            {
                return (LocalObjectStore(root: url), "")
            }
            return (LocalObjectStore(root: url.deletingLastPathComponent()), url.lastPathComponent)
        case .s3(let s3):
            var settings = s3Template
            settings.bucket = s3.bucket
            settings.prefix = ""
            return (try S3ObjectStore.make(settings, environment: environment), s3.path)
        }
    }
}
