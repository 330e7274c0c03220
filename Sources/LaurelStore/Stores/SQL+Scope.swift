import LaurelDomain
import SQLKit

extension UnitPath {
    /// The half-open range of paths in this subtree: every path starting with "/1/5/" lies in
    /// ["/1/5/", "/1/50"), since "0" follows "/" in byte order. A range, unlike LIKE, uses the
    /// plain index on both databases and needs no escaping.
    var subtreeUpperBound: String { String(value.dropLast()) + "0" }
}

extension SQLPredicateBuilder {
    /// Keeps rows whose unit path (the given column) lies in the scope.
    func whereScope(_ column: any SQLExpression, _ scope: Scope) -> Self {
        switch scope {
        case .everything:
            return self
        case .subtree(let root):
            return self.where(column, .greaterThanOrEqual, SQLBind(root.value))
                .where(column, .lessThan, SQLBind(root.subtreeUpperBound))
        }
    }

    func whereScope(column: String, _ scope: Scope) -> Self { whereScope(SQLColumn(column), scope) }

    /// Keeps rows whose text column contains `text` (already folded by `VietnameseText.searchKey`).
    func whereContains(_ column: any SQLExpression, _ text: String) -> Self {
        self.where(LikeContains(column: column, pattern: likeContains(text)))
    }
}

/// `column LIKE pattern ESCAPE '\'`, the same on SQLite and PostgreSQL.
struct LikeContains: SQLExpression {
    let column: any SQLExpression
    let pattern: String

    func serialize(to serializer: inout SQLSerializer) {
        column.serialize(to: &serializer)
        serializer.write(" LIKE ")
        SQLBind(pattern).serialize(to: &serializer)
        serializer.write(" ESCAPE '\\'")
    }
}

/// `%` and `_` are wildcards of LIKE: a search for "50%" must find the text "50%".
func likeContains(_ text: String) -> String {
    var escaped = ""
    for character in text {
        if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
        escaped.append(character)
    }
    return "%" + escaped + "%"
}
