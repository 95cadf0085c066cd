import Foundation
import Testing

@testable import SluiceStorage

/// A clock tests move by hand, and a fetch that counts its calls and can be told to fail.
private final class FakeSource: @unchecked Sendable {
    private let lock = NSLock()
    private var time = Date(timeIntervalSince1970: 1_800_000_000)
    private var calls = 0
    private var failing = false
    let lifetime: TimeInterval?
    let delay: Duration

    init(lifetime: TimeInterval?, delay: Duration = .zero) {
        self.lifetime = lifetime
        self.delay = delay
    }

    var now: Date { lock.withLock { time } }
    var fetches: Int { lock.withLock { calls } }
    func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
    func fail(_ value: Bool) { lock.withLock { failing = value } }

    func fetch() async throws -> AWSCredentials {
        if delay > .zero { try await Task.sleep(for: delay) }
        let (n, fail, now) = lock.withLock {
            calls += 1
            return (calls, failing, time)
        }
        if fail { throw AWSCredentialError.endpointFailed(source: "fake", endpoint: "fake", reason: "down") }
        return AWSCredentials(
            accessKeyID: "KEY\(n)", secretAccessKey: "secret", expiration: lifetime.map { now + $0 })
    }

    func provider() -> RefreshingCredentialProvider {
        RefreshingCredentialProvider(now: { self.now }, fetch: { try await self.fetch() })
    }
}

@Suite("Caching and refreshing temporary credentials")
struct RefreshingCredentialProviderTests {
    @Test("an hour's credentials are reused until five minutes before they expire")
    func fiveMinuteMargin() async throws {
        let source = FakeSource(lifetime: 3600)
        let provider = source.provider()
        #expect(try await provider.credentials().accessKeyID == "KEY1")
        source.advance(3600 - 301)
        #expect(try await provider.credentials().accessKeyID == "KEY1")
        source.advance(2)
        #expect(try await provider.credentials().accessKeyID == "KEY2")
        #expect(source.fetches == 2)
    }

    @Test("short-lived credentials are refreshed halfway through their lifetime")
    func halfwayForShortLifetimes() async throws {
        let source = FakeSource(lifetime: 240)
        let provider = source.provider()
        _ = try await provider.credentials()
        source.advance(119)
        #expect(try await provider.credentials().accessKeyID == "KEY1")
        source.advance(2)
        #expect(try await provider.credentials().accessKeyID == "KEY2")
    }

    @Test("credentials without an expiration are fetched once")
    func noExpiration() async throws {
        let source = FakeSource(lifetime: nil)
        let provider = source.provider()
        _ = try await provider.credentials()
        source.advance(365 * 86400)
        _ = try await provider.credentials()
        #expect(source.fetches == 1)
    }

    @Test("a failed refresh keeps valid credentials, retries later, and fails once they expire")
    func failedRefresh() async throws {
        let source = FakeSource(lifetime: 3600)
        let provider = source.provider()
        _ = try await provider.credentials()
        source.fail(true)
        source.advance(3400)
        #expect(try await provider.credentials().accessKeyID == "KEY1")
        #expect(try await provider.credentials().accessKeyID == "KEY1")
        #expect(source.fetches == 2, "no second attempt before the retry delay")
        source.advance(RefreshingCredentialProvider.retryDelay + 1)
        #expect(try await provider.credentials().accessKeyID == "KEY1")
        #expect(source.fetches == 3)
        source.advance(400)
        await #expect(throws: AWSCredentialError.self) { try await provider.credentials() }
        source.fail(false)
        #expect(try await provider.credentials().accessKeyID == "KEY5")
    }

    @Test("callers arriving during a fetch share it")
    func sharedFetch() async throws {
        let source = FakeSource(lifetime: 3600, delay: .milliseconds(200))
        let provider = source.provider()
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 { group.addTask { try await provider.credentials().accessKeyID } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys == ["KEY1"])
        #expect(source.fetches == 1)
    }
}

/// A provider whose answer a test can change.
private actor SwitchableProvider: AWSCredentialProvider {
    var result: Result<AWSCredentials, AWSCredentialError>

    init(_ result: Result<AWSCredentials, AWSCredentialError>) { self.result = result }

    func set(_ value: Result<AWSCredentials, AWSCredentialError>) { result = value }
    func credentials() async throws -> AWSCredentials { try result.get() }
}

@Suite("The credential chain's order and choice")
struct AWSCredentialChainTests {
    static let down = AWSCredentialError.endpointFailed(source: "a", endpoint: "http://a", reason: "down")

    @Test("the first source with credentials wins; later failures of it are not hidden by the others")
    func sticky() async throws {
        let first = SwitchableProvider(.failure(Self.down))
        let second = SwitchableProvider(.success(AWSCredentials(accessKeyID: "B", secretAccessKey: "b")))
        let third = SwitchableProvider(.success(AWSCredentials(accessKeyID: "C", secretAccessKey: "c")))
        let chain = AWSCredentialChain([
            .unavailable(name: "zero", reason: "not set"),
            .available(name: "a", provider: first),
            .available(name: "b", provider: second),
            .available(name: "c", provider: third),
        ])
        #expect(try await chain.credentials().accessKeyID == "B")
        #expect(await chain.chosenSource == "b")
        await first.set(.success(AWSCredentials(accessKeyID: "A", secretAccessKey: "a")))
        await second.set(.failure(Self.down))
        await #expect(throws: Self.down) { try await chain.credentials() }
    }

    @Test("a chain that found nothing searches again on the next call")
    func searchesAgain() async throws {
        let only = SwitchableProvider(.failure(Self.down))
        let chain = AWSCredentialChain([.available(name: "a", provider: only)])
        await #expect(
            throws: AWSCredentialError.noCredentials(tried: [
                AWSCredentialSourceFailure(source: "a", reason: "http://a: down")
            ])
        ) { try await chain.credentials() }
        await only.set(.success(AWSCredentials(accessKeyID: "A", secretAccessKey: "a")))
        #expect(try await chain.credentials().accessKeyID == "A")
    }
}
