import SluiceCore
import Testing

@testable import SluiceStorage

@Suite("Object key validation")
struct ObjectKeyValidationTests {
    static let invalidKeys = [
        "", "/abs", "/", "../x", "a/../b", "a/..", "..", ".", "a/./b", "a//b", "a/", "a\\b", "..\\x", "a\u{0}b",
        ".sluice-tmp/x",
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
        try LocalObjectStore.validateKeyPrefix(prefix)
    }

    @Test(arguments: ["../x", "/x", "a//", "a//b/", "./", "a/../", "x\\y/", ".sluice-tmp/"])
    func invalidPrefixes(prefix: String) throws {
        let error = #expect(throws: StorageError.self) { try LocalObjectStore.validate(keyPrefix: prefix) }
        #expect(error?.category == .usage)
        #expect(error?.description.contains(prefix.debugDescription) == true)
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
