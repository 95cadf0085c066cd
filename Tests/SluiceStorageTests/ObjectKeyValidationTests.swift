import SluiceCore
import Testing

@testable import SluiceStorage

@Suite("Object key validation")
struct ObjectKeyValidationTests {
    static let invalidKeys = [
        "", "/abs", "/", "../x", "a/../b", "a/..", "..", ".", "a/./b", "a//b", "a/", "a\\b", "..\\x", "a\u{0}b",
        ".sluice-tmp/x", ".SLUICE-TMP/x", ".Sluice-Tmp/a/b", ".\u{17F}luice-tmp/x",
    ]

    @Test(arguments: invalidKeys)
    func invalidKeysAreRejectedBeforeAnyIO(key: String) throws {
        let error = #expect(throws: StorageError.self) { try LocalObjectStore.validate(key: key) }
        #expect(error?.category == .usage)
        #expect(error?.description.contains(key.debugDescription) == true)
    }

    @Test(arguments: invalidKeys)
    func everyStoreOperationRejectsInvalidKeys(key: String) async throws {
        try await withTemporaryDirectory { root in
            let store = LocalObjectStore(root: root)
            await #expect(throws: StorageError.self) { try await store.put(key, bytes: [1]) }
            await #expect(throws: StorageError.self) { try await store.get(key) }
            await #expect(throws: StorageError.self) { try await store.head(key) }
            await #expect(throws: StorageError.self) { try await store.delete(key) }
            // Nothing was written anywhere, inside or next to the root.
            let keys = try await store.allKeys()
            #expect(keys.isEmpty)
        }
    }

    @Test(arguments: ["a", "a/b.parquet", ".hidden", "a/..b", "a/b..", "...", "_SUCCESS", "\u{E9}/\u{FC}", "a b/c"])
    func validKeys(key: String) throws {
        try LocalObjectStore.validate(key: key)
        try ObjectKeyRules.validate(key: key)
    }

    @Test(arguments: ["", "results/job1/", "results/job1", "events/dt=2026", "a/", ".sluice"])
    func validPrefixes(prefix: String) throws {
        try LocalObjectStore.validate(keyPrefix: prefix)
        try ObjectKeyRules.validate(keyPrefix: prefix)
    }

    @Test(arguments: ["../x", "/x", "a//", "a//b/", "./", "a/../", "x\\y/", ".sluice-tmp/", ".SLUICE-tmp/x"])
    func invalidPrefixes(prefix: String) throws {
        let error = #expect(throws: StorageError.self) { try LocalObjectStore.validate(keyPrefix: prefix) }
        #expect(error?.category == .usage)
        #expect(error?.description.contains(prefix.debugDescription) == true)
    }

    @Test func theStoreIndependentRulesDoNotReserveTheTemporaryFolder() throws {
        // Only the local store keeps writes in progress there; an S3 key may use the name.
        try ObjectKeyRules.validate(keyPrefix: ".sluice-tmp/")
        try ObjectKeyRules.validate(key: ".sluice-tmp/x")
        for prefix in ["../x", "/x", "a//b/", "x\\y/"] {
            let error = #expect(throws: StorageError.self) { try ObjectKeyRules.validate(keyPrefix: prefix) }
            #expect(error?.category == .usage)
        }
    }

    @Test func theTemporaryFolderIsReservedInAnyLetterCase() {
        for name in [".sluice-tmp", ".SLUICE-TMP", ".Sluice-Tmp", ".\u{17F}luice-tmp"] {
            #expect(LocalObjectStore.isTemporaryFolderName(name), "\(name)")
        }
        for name in [".sluice", ".sluice-tmp2", "sluice-tmp", ".sluice_tmp"] {
            #expect(!LocalObjectStore.isTemporaryFolderName(name), "\(name)")
        }
    }

    @Test func reasonsAreSpecific() {
        func reason(_ key: String) -> String? {
            do {
                try ObjectKeyRules.validate(key: key)
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reason("../x") == "contains a '..' segment, which could escape the store root")
        #expect(reason("/x")?.contains("'/'") == true)
        #expect(reason("a//b")?.contains("empty segment") == true)
        #expect(reason("a\\b")?.contains("backslash") == true)
        #expect(reason("a/")?.contains("folder") == true)
        #expect(reason("") == "is empty")
        #expect(reason("ok/key") == nil)
    }

    @Test func descriptionsNameTheKey() {
        let error = StorageError.invalidKey(key: "../x", reason: "contains a '..' segment")
        #expect(error.description == "invalid object key \"../x\": contains a '..' segment")
        let missing = StorageError.notFound(location: "file:///lake", key: "a/b")
        #expect(missing.description == "no object \"a/b\" in file:///lake")
        #expect(missing.reason == missing.description)
        #expect(StorageError.invalidRetention(keep: 0).category == .usage)
    }
}
