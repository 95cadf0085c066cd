/// A compiled SQL LIKE pattern: `%` matches any run of characters, `_` exactly one, and the escape
/// character (backslash unless `ESCAPE` names another) makes the next one literal. Characters are
/// Unicode scalars, as Spark matches code points.
struct LikePattern {
    enum Element: Equatable {
        case character(Unicode.Scalar)
        case any
        case one
    }

    let elements: [Element]

    init(_ pattern: String, escape: Unicode.Scalar = "\\") {
        var elements: [Element] = []
        var escaped = false
        for scalar in pattern.unicodeScalars {
            if escaped {
                elements.append(.character(scalar))
                escaped = false
            } else if scalar == escape {
                escaped = true
            } else if scalar == "%" {
                if elements.last != .any { elements.append(.any) }
            } else if scalar == "_" {
                elements.append(.one)
            } else {
                elements.append(.character(scalar))
            }
        }
        // A trailing escape character stands for itself.
        if escaped { elements.append(.character(escape)) }
        self.elements = elements
    }

    /// Whether `text` matches the whole pattern: a greedy scan that backtracks to the last `%`.
    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var position = 0
        var element = 0
        var lastAny: (element: Int, position: Int)?
        while position < scalars.count {
            if element < elements.count {
                switch elements[element] {
                case .any:
                    lastAny = (element, position)
                    element += 1
                    continue
                case .one:
                    position += 1
                    element += 1
                    continue
                case .character(let expected) where expected == scalars[position]:
                    position += 1
                    element += 1
                    continue
                case .character:
                    break
                }
            }
            guard let backtrack = lastAny else { return false }
            lastAny = (backtrack.element, backtrack.position + 1)
            element = backtrack.element + 1
            position = backtrack.position + 1
        }
        while element < elements.count, elements[element] == .any { element += 1 }
        return element == elements.count
    }
}
