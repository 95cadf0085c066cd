/// SHA-2 (FIPS 180-4) over 32-bit words (SHA-224, SHA-256) or 64-bit words (SHA-384, SHA-512), for
/// Spark's `sha2`. The variants differ only in word size, rounds, shift amounts, initial values and
/// digest length; the compression is the same.
struct SHA2<Word: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    let initialHash: [Word]
    /// One per round: 64 for 32-bit words, 80 for 64-bit words.
    let roundConstants: [Word]
    /// Rotations of Σ0, Σ1, then rotations and shift of σ0 and σ1.
    let sigmaShifts: (big0: (Int, Int, Int), big1: (Int, Int, Int), small0: (Int, Int, Int), small1: (Int, Int, Int))
    let digestBytes: Int

    /// The digest of `message`.
    func hash(_ message: [UInt8]) -> [UInt8] {
        let wordBytes = Word.bitWidth / 8
        let blockBytes = 16 * wordBytes
        // Padding: 0x80, zeros, then the bit length in the block's last two words (big-endian).
        var data = message
        data.append(0x80)
        let lengthBytes = 2 * wordBytes
        while data.count % blockBytes != blockBytes - lengthBytes { data.append(0) }
        data.append(contentsOf: [UInt8](repeating: 0, count: lengthBytes - 8))
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bitLength >> shift)) }

        var state = initialHash
        var schedule = [Word](repeating: 0, count: roundConstants.count)
        for block in stride(from: 0, to: data.count, by: blockBytes) {
            for index in 0..<16 {
                var word: Word = 0
                for byte in 0..<wordBytes {
                    word = word << 8 | Word(truncatingIfNeeded: data[block + index * wordBytes + byte])
                }
                schedule[index] = word
            }
            let (s0, s1) = (sigmaShifts.small0, sigmaShifts.small1)
            for index in 16..<schedule.count {
                let w15 = schedule[index - 15]
                let w2 = schedule[index - 2]
                let sigma0 = rotate(w15, s0.0) ^ rotate(w15, s0.1) ^ (w15 >> s0.2)
                let sigma1 = rotate(w2, s1.0) ^ rotate(w2, s1.1) ^ (w2 >> s1.2)
                schedule[index] = sigma1 &+ schedule[index - 7] &+ sigma0 &+ schedule[index - 16]
            }
            var (a, b, c, d) = (state[0], state[1], state[2], state[3])
            var (e, f, g, h) = (state[4], state[5], state[6], state[7])
            let (b0, b1) = (sigmaShifts.big0, sigmaShifts.big1)
            for round in 0..<roundConstants.count {
                let bigSigma1 = rotate(e, b1.0) ^ rotate(e, b1.1) ^ rotate(e, b1.2)
                let choice = (e & f) ^ (~e & g)
                let t1 = h &+ bigSigma1 &+ choice &+ roundConstants[round] &+ schedule[round]
                let bigSigma0 = rotate(a, b0.0) ^ rotate(a, b0.1) ^ rotate(a, b0.2)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                (h, g, f, e) = (g, f, e, d &+ t1)
                (d, c, b, a) = (c, b, a, t1 &+ bigSigma0 &+ majority)
            }
            for (index, value) in [a, b, c, d, e, f, g, h].enumerated() { state[index] &+= value }
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(state.count * wordBytes)
        for word in state {
            for shift in stride(from: Word.bitWidth - 8, through: 0, by: -8) {
                digest.append(UInt8(truncatingIfNeeded: word >> shift))
            }
        }
        return Array(digest.prefix(digestBytes))
    }

    private func rotate(_ value: Word, _ count: Int) -> Word {
        (value >> count) | (value << (Word.bitWidth - count))
    }
}

/// The SHA-2 variants by digest length in bits, as `sha2(bytes, bits)` names them.
enum SHA2Digest {
    /// The digest of `message`, or nil for a length other than 224, 256, 384 and 512.
    static func hash(_ message: [UInt8], bits: Int) -> [UInt8]? {
        switch bits {
        case 224: return sha224.hash(message)
        case 256: return sha256.hash(message)
        case 384: return sha384.hash(message)
        case 512: return sha512.hash(message)
        default: return nil
        }
    }

    // The 32-bit constants are the high halves of the 64-bit ones (cube and square roots of the same
    // primes), and SHA-224's initial values are the low halves of SHA-384's.
    private static let sha224 = SHA2<UInt32>(
        initialHash: sha384InitialHash.map { UInt32(truncatingIfNeeded: $0) }, roundConstants: roundConstants32,
        sigmaShifts: shifts32, digestBytes: 28)
    private static let sha256 = SHA2<UInt32>(
        initialHash: sha512InitialHash.map { UInt32(truncatingIfNeeded: $0 >> 32) }, roundConstants: roundConstants32,
        sigmaShifts: shifts32, digestBytes: 32)
    private static let sha384 = SHA2<UInt64>(
        initialHash: sha384InitialHash, roundConstants: roundConstants64, sigmaShifts: shifts64, digestBytes: 48)
    private static let sha512 = SHA2<UInt64>(
        initialHash: sha512InitialHash, roundConstants: roundConstants64, sigmaShifts: shifts64, digestBytes: 64)

    private static let shifts32 = (big0: (2, 13, 22), big1: (6, 11, 25), small0: (7, 18, 3), small1: (17, 19, 10))
    private static let shifts64 = (big0: (28, 34, 39), big1: (14, 18, 41), small0: (1, 8, 7), small1: (19, 61, 6))
    private static let roundConstants32 = roundConstants64.prefix(64).map { UInt32(truncatingIfNeeded: $0 >> 32) }

    /// The first 64 bits of the fractional parts of the cube roots of the first 80 primes.
    private static let roundConstants64: [UInt64] = [
        0x428a_2f98_d728_ae22, 0x7137_4491_23ef_65cd, 0xb5c0_fbcf_ec4d_3b2f, 0xe9b5_dba5_8189_dbbc,
        0x3956_c25b_f348_b538, 0x59f1_11f1_b605_d019, 0x923f_82a4_af19_4f9b, 0xab1c_5ed5_da6d_8118,
        0xd807_aa98_a303_0242, 0x1283_5b01_4570_6fbe, 0x2431_85be_4ee4_b28c, 0x550c_7dc3_d5ff_b4e2,
        0x72be_5d74_f27b_896f, 0x80de_b1fe_3b16_96b1, 0x9bdc_06a7_25c7_1235, 0xc19b_f174_cf69_2694,
        0xe49b_69c1_9ef1_4ad2, 0xefbe_4786_384f_25e3, 0x0fc1_9dc6_8b8c_d5b5, 0x240c_a1cc_77ac_9c65,
        0x2de9_2c6f_592b_0275, 0x4a74_84aa_6ea6_e483, 0x5cb0_a9dc_bd41_fbd4, 0x76f9_88da_8311_53b5,
        0x983e_5152_ee66_dfab, 0xa831_c66d_2db4_3210, 0xb003_27c8_98fb_213f, 0xbf59_7fc7_beef_0ee4,
        0xc6e0_0bf3_3da8_8fc2, 0xd5a7_9147_930a_a725, 0x06ca_6351_e003_826f, 0x1429_2967_0a0e_6e70,
        0x27b7_0a85_46d2_2ffc, 0x2e1b_2138_5c26_c926, 0x4d2c_6dfc_5ac4_2aed, 0x5338_0d13_9d95_b3df,
        0x650a_7354_8baf_63de, 0x766a_0abb_3c77_b2a8, 0x81c2_c92e_47ed_aee6, 0x9272_2c85_1482_353b,
        0xa2bf_e8a1_4cf1_0364, 0xa81a_664b_bc42_3001, 0xc24b_8b70_d0f8_9791, 0xc76c_51a3_0654_be30,
        0xd192_e819_d6ef_5218, 0xd699_0624_5565_a910, 0xf40e_3585_5771_202a, 0x106a_a070_32bb_d1b8,
        0x19a4_c116_b8d2_d0c8, 0x1e37_6c08_5141_ab53, 0x2748_774c_df8e_eb99, 0x34b0_bcb5_e19b_48a8,
        0x391c_0cb3_c5c9_5a63, 0x4ed8_aa4a_e341_8acb, 0x5b9c_ca4f_7763_e373, 0x682e_6ff3_d6b2_b8a3,
        0x748f_82ee_5def_b2fc, 0x78a5_636f_4317_2f60, 0x84c8_7814_a1f0_ab72, 0x8cc7_0208_1a64_39ec,
        0x90be_fffa_2363_1e28, 0xa450_6ceb_de82_bde9, 0xbef9_a3f7_b2c6_7915, 0xc671_78f2_e372_532b,
        0xca27_3ece_ea26_619c, 0xd186_b8c7_21c0_c207, 0xeada_7dd6_cde0_eb1e, 0xf57d_4f7f_ee6e_d178,
        0x06f0_67aa_7217_6fba, 0x0a63_7dc5_a2c8_98a6, 0x113f_9804_bef9_0dae, 0x1b71_0b35_131c_471b,
        0x28db_77f5_2304_7d84, 0x32ca_ab7b_40c7_2493, 0x3c9e_be0a_15c9_bebc, 0x431d_67c4_9c10_0d4c,
        0x4cc5_d4be_cb3e_42b6, 0x597f_299c_fc65_7e2a, 0x5fcb_6fab_3ad6_faec, 0x6c44_198c_4a47_5817,
    ]

    /// The fractional parts of the square roots of the first 8 primes.
    private static let sha512InitialHash: [UInt64] = [
        0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
        0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179,
    ]

    /// The fractional parts of the square roots of the 9th to 16th primes.
    private static let sha384InitialHash: [UInt64] = [
        0xcbbb_9d5d_c105_9ed8, 0x629a_292a_367c_d507, 0x9159_015a_3070_dd17, 0x152f_ecd8_f70e_5939,
        0x6733_2667_ffc0_0b31, 0x8eb4_4a87_6858_1511, 0xdb0c_2e0d_64f9_8fa7, 0x47b5_481d_befa_4fa4,
    ]
}
