import Crypto
import Foundation

extension UUID {
    /// A version-3 (MD5, name-based) UUID: the same name gives the same id on every run, which
    /// keeps the test server deterministic where Cassandra would pick random ids.
    static func nameBased(_ name: String) -> UUID {
        var bytes = Array(Insecure.MD5.hash(data: Array(name.utf8)))
        bytes[6] = bytes[6] & 0x0F | 0x30
        bytes[8] = bytes[8] & 0x3F | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
