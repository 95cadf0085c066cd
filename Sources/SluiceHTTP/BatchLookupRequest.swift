import Foundation

/// The body of `POST /v1/{table}/_batch`: `{"keys": ["1", 2, ["a", 3]]}`. A key is a string or a
/// number, or an array of them for a key of several columns.
struct BatchLookupRequest: Decodable {
    /// One entry per requested key, in request order; each the text of its parts.
    var keys: [[String]]

    private enum CodingKeys: String, CodingKey {
        case keys
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keys = try container.decode([Key].self, forKey: .keys).map(\.parts)
    }

    /// Decodes a body, or says in one line what is wrong with it.
    static func parse(_ body: Data) -> Result<BatchLookupRequest, BatchBodyError> {
        do {
            return .success(try JSONDecoder().decode(BatchLookupRequest.self, from: body))
        } catch let error as DecodingError {
            return .failure(BatchBodyError(error))
        } catch {
            return .failure(BatchBodyError(message: "\(error)"))
        }
    }

    private struct Key: Decodable {
        var parts: [String]

        init(from decoder: any Decoder) throws {
            if let part = try? Part(from: decoder) {
                parts = [part.text]
            } else if let parts = try? [Part](from: decoder), !parts.isEmpty {
                self.parts = parts.map(\.text)
            } else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "a key must be a string, a number, or a non-empty array of them"))
            }
        }
    }

    /// One part of a key as the text the store binds (integers without a fraction).
    private struct Part: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self.text = text
            } else if let integer = try? container.decode(Int64.self) {
                text = String(integer)
            } else if let real = try? container.decode(Double.self), real.isFinite {
                text = "\(real)"
            } else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "a key part must be a string or a number")
            }
        }
    }
}

/// Why a batch body was refused, as the 400 response says it.
struct BatchBodyError: Error {
    var message: String

    init(message: String) {
        self.message = message
    }

    init(_ error: DecodingError) {
        let expected = #"expected {"keys": [...]} with keys as strings, numbers, or arrays of them"#
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            message = "the body is not valid JSON; \(expected)"
        case .dataCorrupted(let context):
            message = "\(Self.path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound, .typeMismatch, .valueNotFound:
            message = "wrong shape; \(expected)"
        @unknown default:
            message = "wrong shape; \(expected)"
        }
    }

    /// `keys[2]` for the coding path of the third key.
    private static func path(_ codingPath: [any CodingKey]) -> String {
        let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return String(text.drop { $0 == "." })
    }
}
