import SluiceCompute
import SluiceCore

/// `md5(bytes)` and `sha2(bytes, bits)`: lower-case hex digests of strings (their UTF-8) or binaries.
/// `sha2` is null for a bit length other than 224, 256 (or 0, which means 256), 384 and 512.
enum DigestKernels {
    static func run(_ function: ScalarFunction, _ arguments: KernelArguments) throws -> any ColumnArray {
        let values = try arguments.bytes(0)
        let bitLengths = function == .sha2 ? try arguments.int32s(1) : nil
        return KernelArguments.strings(rows: arguments.rows) { row in
            guard let bytes = values(row) else { return nil }
            guard let bitLengths else { return hex(MD5.hash(bytes)) }
            guard let bits = bitLengths[row], let digest = SHA2Digest.hash(bytes, bits: bits == 0 ? 256 : Int(bits))
            else { return nil }
            return hex(digest)
        }
    }

    private static let digits = Array("0123456789abcdef".unicodeScalars)

    static func hex(_ bytes: [UInt8]) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(text)
    }
}
