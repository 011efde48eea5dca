import Foundation
import GraphQL
import MetadataStore

/// The opaque cursors of the environment connections: base64 of a small JSON object naming
/// the order and the position in it (the sort key value and the unique id), so a page
/// starts right after the node the cursor was made for, by keyset in SQL, whatever
/// changed before it.
///
/// Decoding checks the cursor was made for the same order: a cursor of another order, or
/// any text that is not one of these, is one clear error.
enum NodeCursor {
  static func encode(sort: EnvironmentNodeQuery.Sort, position: EnvironmentNodeQuery.Position)
    -> String
  {
    var object: JSONObject = ["s": .string(sort.rawValue), "u": .string(position.uniqueID)]
    switch position.value {
    case .null: object.append("k", .null)
    case .text(let text): object.append("k", .string(text))
    case .integer(let number): object.append("k", .int(number))
    }
    return Data(JSONValue.object(object).serialized().utf8).base64EncodedString()
  }

  static func decode(_ cursor: String, sort: EnvironmentNodeQuery.Sort) throws
    -> EnvironmentNodeQuery.Position
  {
    func invalid(_ why: String) -> GraphQLError {
      GraphQLError(
        message:
          "Invalid cursor \"\(cursor.prefix(80))\" for argument \"after\": \(why). Pass the endCursor (or an edge's cursor) of a previous page of the same query.",
        extensions: ["code": .string("BAD_USER_INPUT")])
    }
    guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
      let object = (try? JSONParser.parse(text))?.objectValue,
      let order = object["s"]?.stringValue, let uniqueID = object["u"]?.stringValue
    else { throw invalid("not a cursor of this API") }
    guard order == sort.rawValue else {
      throw invalid("it was made for the order by \(order), this query orders by \(sort.rawValue)")
    }
    let value: NodeSortValue
    switch object["k"] {
    case nil, .null?: value = .null
    case .string(let text)?: value = .text(text)
    case .int(let number)?: value = .integer(number)
    default: throw invalid("its sort key is not a string or an integer")
    }
    return EnvironmentNodeQuery.Position(value: value, uniqueID: uniqueID)
  }
}
