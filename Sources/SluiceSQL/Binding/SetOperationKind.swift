import SluiceCore

/// EXCEPT and INTERSECT as a plan runs them: which left rows survive, comparing whole rows with nulls
/// equal. The DISTINCT forms give each surviving row once; the ALL forms keep a row as many times as
/// its count on the left exceeds (EXCEPT ALL) or is matched by (INTERSECT ALL) its count on the right.
public enum SetOperationKind: String, Sendable {
    case exceptDistinct = "ExceptDistinct"
    case exceptAll = "ExceptAll"
    case intersectDistinct = "IntersectDistinct"
    case intersectAll = "IntersectAll"
}

extension LogicalPlan {
    /// The output of UNION ALL over `inputs`: the first input's names and types, nullable where any
    /// input's column is.
    static func unionSchema(_ inputs: [LogicalPlan]) -> Schema {
        let schemas = inputs.map(\.schema)
        guard let first = schemas.first else { return Schema([]) }
        return Schema(
            first.fields.indices.map { index in
                let field = first.fields[index]
                let nullable = schemas.contains { $0.fields[index].nullable }
                return Field(field.name, field.dataType, nullable: nullable)
            })
    }
}
