import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads S3's XML responses with a real XML parser: the document's root element and the text of
/// named children, namespaces ignored.
struct S3XML {
    let root: XMLElement

    /// - Throws: `S3ResponseError.malformed` naming what was being read.
    init(_ data: Data, reading what: String) throws(S3ResponseError) {
        // FoundationXML crashes on an empty document instead of throwing.
        guard !data.isEmpty, let document = try? XMLDocument(data: data), let root = document.rootElement() else {
            throw .malformed(what: what, detail: "not an XML document")
        }
        self.root = root
    }

    static func children(of element: XMLElement, named name: String) -> [XMLElement] {
        (element.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == name }
    }

    static func text(of element: XMLElement, _ name: String) -> String? {
        children(of: element, named: name).first?.stringValue
    }
}

/// An S3 response body that is not what the operation returns.
public enum S3ResponseError: Error, Equatable, CustomStringConvertible {
    case malformed(what: String, detail: String)

    public var description: String {
        switch self {
        case .malformed(let what, let detail): "malformed S3 response to \(what): \(detail)"
        }
    }
}
