/// `sluice cp`: what a source and destination argument mean together, as `aws s3 cp` reads them.
/// One object goes to the destination key, or into the destination folder under its own name when
/// the destination ends with `/`; with `recursive`, every object under the source prefix goes to
/// the same relative key under the destination.
public struct ObjectTransfer: Sendable {
    public var opener: ObjectLocationOpener
    public var copier: ObjectCopier

    public init(opener: ObjectLocationOpener, copier: ObjectCopier = ObjectCopier()) {
        self.opener = opener
        self.copier = copier
    }

    public func copy(from sourceText: String, to destinationText: String, recursive: Bool) async throws
        -> ObjectCopier.Summary
    {
        let source = try ObjectLocation(sourceText)
        let destination = try ObjectLocation(destinationText)
        let (sourceStore, sourceKey) = try opener.open(source)
        return try await sourceStore.closing {
            let (destinationStore, destinationKey) = try opener.open(destination)
            return try await destinationStore.closing {
                if recursive {
                    return try await copier.copyAll(
                        from: sourceStore, prefix: Self.folderPrefix(sourceKey), to: destinationStore,
                        prefix: Self.folderPrefix(destinationKey))
                }
                var target = destinationKey
                if destination.namesFolder || target.isEmpty {
                    target = Self.folderPrefix(target) + source.lastSegment
                }
                let bytes = try await copier.copy(
                    from: sourceStore, key: sourceKey, to: destinationStore, key: target)
                return ObjectCopier.Summary(objects: 1, bytes: bytes)
            }
        }
    }

    /// `key/` for a non-empty key, so that `data` copies `data/x` but not `database/x`.
    static func folderPrefix(_ key: String) -> String {
        key.isEmpty || key.hasSuffix("/") ? key : key + "/"
    }
}
