import SluiceCore

extension SparkConnectClient: SharedClient {
    public func shutdown() async throws {
        await close()
    }
}
