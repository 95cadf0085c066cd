/// What carries from one page of a column chunk to the next: the codec, the dictionary, and the
/// buffers reused for every page (so a chunk allocates them once, at their largest size).
struct PageState {
    let codec: PageCodec
    var dictionary: ColumnDictionary?
    /// Decompressed page bytes.
    var pageBuffer: [UInt8] = []
    /// The definition levels of one page.
    var levelBuffer: [UInt8] = []

    init(codec: PageCodec) {
        self.codec = codec
    }

    /// Grows `pageBuffer` to at least `count` bytes (it never shrinks).
    mutating func reservePage(_ count: Int) {
        if pageBuffer.count < count { pageBuffer = [UInt8](repeating: 0, count: count) }
    }

    /// Grows `levelBuffer` to at least `count` bytes.
    mutating func reserveLevels(_ count: Int) {
        if levelBuffer.count < count { levelBuffer = [UInt8](repeating: 0, count: count) }
    }
}
