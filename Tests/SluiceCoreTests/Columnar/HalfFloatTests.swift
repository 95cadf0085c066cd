import SluiceCore
import Testing

@Suite("HalfFloat")
struct HalfFloatTests {
    static let exactValues: [(Float, UInt16)] = [
        (1, 0x3C00), (-2, 0xC000), (65_504, 0x7BFF), (0.5, 0x3800), (0, 0x0000),
        (0x1p-24, 0x0001), (0x1p-14, 0x0400), (.infinity, 0x7C00), (-.infinity, 0xFC00),
    ]

    @Test(arguments: exactValues)
    func convertsExactValuesBothWays(value: Float, bits: UInt16) {
        #expect(HalfFloat.bits(from: value) == bits)
        #expect(HalfFloat.float(fromBits: bits) == value)
    }

    @Test func roundsToNearestEvenAndOverflowsToInfinity() {
        // 1 + 2^-11 is halfway between 1 and the next half (1 + 2^-10): ties go to even (1).
        #expect(HalfFloat.bits(from: 1 + 0x1p-11) == 0x3C00)
        #expect(HalfFloat.bits(from: 1 + 0x1p-11 + 0x1p-20) == 0x3C01)
        #expect(HalfFloat.bits(from: 70_000) == 0x7C00)
        #expect(HalfFloat.bits(from: 0x1p-26) == 0)
        #expect(HalfFloat.float(fromBits: HalfFloat.bits(from: .nan)).isNaN)
        #expect(HalfFloat.float(fromBits: 0x8000) == 0)
        #expect(HalfFloat.float(fromBits: 0x8000).sign == .minus)
    }

    @Test func roundTripsEveryFiniteHalf() {
        let mismatches = (UInt16(0)...UInt16.max).filter { bits in
            bits & 0x7C00 != 0x7C00 && HalfFloat.bits(from: HalfFloat.float(fromBits: bits)) != bits
        }
        #expect(mismatches.isEmpty)
    }
}
