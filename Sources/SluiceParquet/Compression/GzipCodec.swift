import CZlib

/// The GZIP codec through zlib. Parquet GZIP pages are gzip-framed (RFC 1952); reading also accepts
/// zlib framing and raw deflate, which some writers produce, and concatenated gzip members.
enum GzipCodec {
    /// zlib's own default (`Z_DEFAULT_COMPRESSION`).
    static let defaultLevel = 6
    /// zlib window bits: 15 is the 32 KiB window; +16 writes gzip framing, +32 detects gzip or
    /// zlib framing when reading, and the negative value reads raw deflate.
    private static let gzipWindowBits: Int32 = 15 + 16
    private static let autoDetectWindowBits: Int32 = 15 + 32
    private static let rawWindowBits: Int32 = -15

    static func failure(_ what: String) -> ParquetError {
        ParquetError(.decompressionFailed, "gzip: \(what)")
    }

    static func decompress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) {
        guard input.count <= Int(UInt32.max), output.count <= Int(UInt32.max) else {
            throw failure("page larger than 4 GiB")
        }
        if input.count >= 2 && input[0] == 0x1F && input[1] == 0x8B {
            try inflate(input, into: output, windowBits: autoDetectWindowBits)
        } else if input.count >= 2 && looksLikeZlibHeader(input[0], input[1]) {
            // A raw deflate stream can start with bytes that pass the zlib header check.
            do {
                try inflate(input, into: output, windowBits: autoDetectWindowBits)
            } catch {
                do {
                    try inflate(input, into: output, windowBits: rawWindowBits)
                } catch _ {
                    // Report the zlib-framed attempt: the header said zlib, so that failure is the real one.
                    throw error
                }
            }
        } else {
            try inflate(input, into: output, windowBits: rawWindowBits)
        }
    }

    /// RFC 1950: method 8 (deflate) and a header checksum that makes the pair a multiple of 31.
    private static func looksLikeZlibHeader(_ cmf: UInt8, _ flg: UInt8) -> Bool {
        cmf & 0x0F == 8 && cmf >> 4 <= 7 && (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0
    }

    private static func inflate(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        windowBits: Int32
    ) throws(ParquetError) {
        let buffers = try DecompressionBuffers(input, output, codec: "gzip")
        let inputBase = buffers.input
        var stream = z_stream()
        let initResult = inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initResult == Z_OK else { throw failure("inflateInit2 failed (\(initResult))") }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: inputBase.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = UInt32(input.count)
        stream.next_out = buffers.output.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(output.count)
        while true {
            let result = CZlib.inflate(&stream, Z_FINISH)
            switch result {
            case Z_STREAM_END:
                // Another gzip member may follow (concatenated gzip files); anything else after the
                // stream is ignored, as zlib-based readers do.
                if stream.avail_in >= 2 && stream.next_in[0] == 0x1F && stream.next_in[1] == 0x8B
                    && windowBits == autoDetectWindowBits
                {
                    guard inflateReset(&stream) == Z_OK else { throw failure("inflateReset failed") }
                    continue
                }
                let produced = output.count - Int(stream.avail_out)
                guard produced == output.count else {
                    throw failure("stream ends after \(produced) bytes, expected \(output.count)")
                }
                return
            case Z_OK, Z_BUF_ERROR:
                // With Z_FINISH zlib stops short of the end only for want of input or of room.
                if stream.avail_in == 0 { throw failure("truncated stream") }
                if stream.avail_out == 0 {
                    throw failure("stream decodes to more than the expected \(output.count) bytes")
                }
                if result == Z_BUF_ERROR { throw failure("no progress (zlib error \(result))") }
                continue
            case Z_NEED_DICT:
                throw failure("stream needs a preset dictionary")
            case Z_MEM_ERROR:
                throw failure("out of memory")
            default:
                throw failure(message(of: stream, result: result))
            }
        }
    }

    private static func message(of stream: z_stream, result: Int32) -> String {
        if let text = stream.msg { return String(cString: text) }
        return "zlib error \(result)"
    }

    /// zlib's `compressBound` covers zlib framing (6 bytes); gzip framing takes 18, so add a
    /// margin for the difference.
    static func maxCompressedSize(_ inputSize: Int) -> Int {
        Int(compressBound(uLong(inputSize))) + 32
    }

    static func compress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        level: Int?
    ) throws(ParquetError) -> Int {
        let level = level ?? defaultLevel
        guard (0...9).contains(level) else {
            throw ParquetError(.compressionFailed, "gzip: compression level \(level) is outside 0...9")
        }
        guard input.count <= Int(UInt32.max), output.count <= Int(UInt32.max) else {
            throw ParquetError(.compressionFailed, "gzip: page larger than 4 GiB")
        }
        guard let outputBase = output.baseAddress else {
            throw ParquetError(.compressionFailed, "gzip: no output buffer")
        }
        var stream = z_stream()
        let initResult = deflateInit2_(
            &stream,
            Int32(level),
            Z_DEFLATED,
            gzipWindowBits,
            8,
            Z_DEFAULT_STRATEGY,
            zlibVersion(),
            Int32(MemoryLayout<z_stream>.size)
        )
        guard initResult == Z_OK else {
            throw ParquetError(.compressionFailed, "gzip: deflateInit2 failed (\(initResult))")
        }
        defer { deflateEnd(&stream) }
        stream.next_in = input.baseAddress.map {
            UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self))
        }
        stream.avail_in = UInt32(input.count)
        stream.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(output.count)
        let result = deflate(&stream, Z_FINISH)
        guard result == Z_STREAM_END else {
            throw ParquetError(.compressionFailed, "gzip: deflate failed: \(message(of: stream, result: result))")
        }
        return output.count - Int(stream.avail_out)
    }
}
