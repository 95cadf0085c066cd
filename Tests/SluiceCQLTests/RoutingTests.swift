import SluiceCQL
import Testing

/// Tokens as Cassandra's Murmur3Partitioner computes them, and ScyllaDB shards.
@Suite struct RoutingTests {
    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    /// The vectors of the DataStax Python driver's tests/unit/test_metadata.py (Murmur3TokensTest).
    static let driverTestVectors: [(String, Int64)] = [
        ("313233", -7_468_325_962_851_647_638),
        (String(repeating: "00ff10fa99", count: 10), 5_837_342_703_291_459_765),
        ("fefefefefefefefe", -8_927_430_733_708_461_935),
        ("1010101010101010", 1_446_172_840_243_228_796),
        ("39323233333732303336383534373735383037", 7_162_290_910_810_015_547),
    ]

    @Test(arguments: driverTestVectors)
    func tokensMatchThePythonDriversTests(key: String, token: Int64) {
        #expect(Murmur3Token.token(for: Self.bytes(key)) == token)
    }

    /// More keys, whose tokens came from running the Python driver's `murmur3` (cassandra.metadata).
    static let driverComputedVectors: [(String, Int64)] = [
        ("", 0), ("61", -8_839_064_797_231_613_815), ("62", 8_833_996_863_197_925_870),
        ("63", -8_198_557_465_434_950_441), ("65", -4_200_008_757_497_435_756),
        ("313030303030", 2_739_050_094_959_918_959), ("00000000", -3_485_513_579_396_041_028),
        ("00000001", -4_069_959_284_402_364_209), ("0000000000000000", 2_945_182_322_382_062_539),
    ]

    @Test(arguments: driverComputedVectors)
    func tokensMatchThePythonDriver(key: String, token: Int64) {
        #expect(Murmur3Token.token(for: Self.bytes(key)) == token)
    }

    @Test func compositeRoutingKeysFrameEachComponent() {
        #expect(Murmur3Token.routingKey([[1, 2]]) == [1, 2])
        #expect(Murmur3Token.routingKey([[1, 2], [3]]) == [0, 2, 1, 2, 0, 0, 1, 3, 0])
    }

    /// The vectors of scylladb/python-driver's tests/unit/test_shard_aware.py (12 shards, msb 12).
    static let shardVectors: [(String, Int)] = [("a", 4), ("b", 6), ("c", 6), ("e", 4), ("100000", 2)]

    @Test(arguments: shardVectors)
    func shardsMatchScyllasDriver(key: String, shard: Int) {
        let sharding = ScyllaSharding(shardCount: 12, ignoredMostSignificantBits: 12)
        #expect(sharding.shard(of: Murmur3Token.token(for: Array(key.utf8))) == shard)
    }

    @Test func sourcePortsLandOnTheirShard() {
        let sharding = ScyllaSharding(shardCount: 12, ignoredMostSignificantBits: 12)
        for shard in 0..<12 {
            let port = sharding.sourcePort(for: shard, atOrAbove: 49_152)
            #expect(port % 12 == shard)
            #expect((49_152..<49_164).contains(port))
        }
    }
}
