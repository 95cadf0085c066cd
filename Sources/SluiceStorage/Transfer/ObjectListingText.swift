import SluiceCore

/// `sluice ls` output: one line per folder (`PRE name/`) and per object (time, size, key), as
/// `aws s3 ls` prints them.
public enum ObjectListingText {
    /// Names are shown relative to `folder` (the listed folder; empty for full keys).
    public static func render(_ page: ObjectListPage, under folder: String = "") -> String {
        var text = ""
        for prefix in page.commonPrefixes {
            text += "                           PRE \(prefix.dropFirst(folder.count))\n"
        }
        for object in page.objects {
            let time = UTCTimestamp.iso8601(object.lastModified).replacingOccurrences(of: "T", with: " ").dropLast()
            let size = String(object.size)
            text +=
                "\(time) \(String(repeating: " ", count: max(0, 10 - size.count)))\(size) \(object.key.dropFirst(folder.count))\n"
        }
        return text
    }
}
