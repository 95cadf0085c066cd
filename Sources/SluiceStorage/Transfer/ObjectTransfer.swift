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
        let opened: (store: any ObjectStore, key: String)
        do {
            opened = try opener.open(destination)
        } catch {
            try? await sourceStore.shutdown()
            throw error
        }
        do {
            let summary: ObjectCopier.Summary
            if recursive {
                summary = try await copier.copyAll(
                    from: sourceStore, prefix: Self.folderPrefix(sourceKey), to: opened.store,
                    prefix: Self.folderPrefix(opened.key))
            } else {
                var target = opened.key
                if destination.namesFolder || target.isEmpty {
                    target = Self.folderPrefix(target) + source.lastSegment
                }
                let bytes = try await copier.copy(from: sourceStore, key: sourceKey, to: opened.store, key: target)
                summary = ObjectCopier.Summary(objects: 1, bytes: bytes)
            }
            try await sourceStore.shutdown()
            try await opened.store.shutdown()
            return summary
        } catch {
            try? await sourceStore.shutdown()
            try? await opened.store.shutdown()
            throw error
        }
    }

    /// `key/` for a non-empty key, so that `data` copies `data/x` but not `database/x`.
    static func folderPrefix(_ key: String) -> String {
        key.isEmpty || key.hasSuffix("/") ? key : key + "/"
    }
}
