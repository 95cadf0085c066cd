import SluiceCore

/// The order of rows under several sort keys. Ties on every key are broken by row position, so
/// sorting by it is stable.
///
/// Values order as Spark orders them: numbers numerically with NaN above every double and -0.0 equal
/// to 0.0, strings and binaries by unsigned bytes, false before true. Keys are encoded once into
/// integer words per row (`NormalizedKey`); only strings longer than sixteen bytes whose first sixteen
/// bytes tie are compared in full.
public struct RowOrdering {
    /// Row-major: the words of row `r` are `words[r * stride ..< (r + 1) * stride]`.
    let words: [UInt64]
    let stride: Int
    /// The inexact (string) keys: the position of their length word and their full comparison.
    private let inexactKeys: [(lengthWord: Int, fallback: (Int, Int) -> Int)]
    /// The number of rows ordered.
    public let rowCount: Int

    /// - Throws: `ComputeError.invalidArgument` when the keys have different lengths, `.unsupported`
    ///   for nested or float16 keys.
    public init(_ keys: [SortKey]) throws {
        let rows = keys.first?.column.count ?? 0
        var firstWords: [Int] = []
        var inexact: [(lengthWord: Int, fallback: (Int, Int) -> Int)] = []
        var stride = 0
        for key in keys {
            guard key.column.count == rows else {
                throw ComputeError(.invalidArgument, "sort keys have \(rows) and \(key.column.count) rows")
            }
            let normalized = try NormalizedKey(key)
            firstWords.append(stride)
            stride += normalized.wordCount
            if !normalized.exact, let fallback = RowOrdering.fullOrder(key) {
                inexact.append((stride - 1, fallback))
            }
        }
        var words = [UInt64](repeating: 0, count: rows * stride)
        try words.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for (key, first) in zip(keys, firstWords) {
                try NormalizedKey.write(key, into: base, stride: stride, offset: first)
            }
        }
        self.words = words
        self.stride = stride
        inexactKeys = inexact
        rowCount = rows
    }

    /// Negative, zero or positive as row `left` sorts before, level with, or after row `right` (zero
    /// only when all keys tie; `less` breaks that tie).
    public func compare(_ left: Int, _ right: Int) -> Int {
        compare(left, right, fromWord: 0)
    }

    /// Whether row `left` sorts strictly before row `right`, ties broken by position.
    @inline(__always)
    public func less(_ left: Int, _ right: Int) -> Bool {
        let order = compare(left, right)
        return order != 0 ? order < 0 : left < right
    }

    /// `compare`, skipping the words before `fromWord` (known to be equal).
    @inline(__always)
    func compare(_ left: Int, _ right: Int, fromWord: Int) -> Int {
        let (firstDifference, order) = words.withUnsafeBufferPointer { words in
            let a = left &* stride
            let b = right &* stride
            var word = fromWord
            while word < stride {
                let x = words[a &+ word]
                let y = words[b &+ word]
                if x != y { return (word, x < y ? -1 : 1) }
                word &+= 1
            }
            return (stride, 0)
        }
        // A string key before the first difference tied on all its words; if both strings are long,
        // only their full comparison can tell them apart.
        for key in inexactKeys.indices where inexactKeys[key].lengthWord < firstDifference {
            let lengthWord = inexactKeys[key].lengthWord
            let length = words[left &* stride &+ lengthWord]
            guard length == NormalizedKey.longString || ~length == NormalizedKey.longString else { continue }
            let full = inexactKeys[key].fallback(left, right)
            if full != 0 { return full }
        }
        return order
    }

    /// Word `index` of a row's encoded keys (0 past the last word).
    @inline(__always)
    func word(_ row: Int, _ index: Int) -> UInt64 {
        index < stride ? words[row &* stride &+ index] : 0
    }

    /// The full comparison of a string or binary key (direction applied; nulls tie, their rank word
    /// already decided the rest).
    private static func fullOrder(_ key: SortKey) -> ((Int, Int) -> Int)? {
        let order: (Int, Int) -> Int
        switch key.column {
        case let array as StringArray: order = bytes(array)
        case let array as BinaryArray: order = bytes(array)
        default: return nil
        }
        let directed: (Int, Int) -> Int = key.ascending ? order : { order($1, $0) }
        guard let validity = key.column.validity else { return directed }
        return { left, right in
            validity.isNull(left) || validity.isNull(right) ? 0 : directed(left, right)
        }
    }

    private static func bytes<Kind>(_ array: GenericByteArray<Kind>) -> (Int, Int) -> Int {
        { left, right in
            array.withUnsafeOffsetsAndData { offsets, data in
                let base = data.baseAddress ?? UnsafeRawPointer(bitPattern: 8).unsafelyUnwrapped
                let leftStart = Int(offsets[left])
                let rightStart = Int(offsets[right])
                return compareBytes(
                    base + leftStart, Int(offsets[left + 1]) - leftStart, base + rightStart,
                    Int(offsets[right + 1]) - rightStart)
            }
        }
    }
}
