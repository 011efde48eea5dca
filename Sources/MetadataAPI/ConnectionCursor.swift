import Foundation
import GraphQL
import MetadataStore

/// The opaque cursors of every Relay connection of the API: base64 of a small JSON object
/// naming the order, the position's sort key value and the item's key, so a page resumes
/// right after the item the cursor was made for, whatever changed before it.
///
/// Environment node connections (`applied { models }`, `resources`...) order by a sort
/// (``EnvironmentNodeQuery/Sort``) and resume by keyset in SQL; Part 4's standalone lists
/// (`groups`, `semanticModels`...) order by their key alone (order ``keyOrder``). Both write
/// the same format, and decoding checks the cursor was made for the same order: a cursor of
/// another order, or any text that is not a cursor, is one clear `BAD_USER_INPUT` error.
/// See https://relay.dev/graphql/connections.htm#sec-Cursor
enum ConnectionCursor {
  /// The order of lists sorted by their items' keys alone.
  static let keyOrder = "key"

  /// The cursor of `key` at sort key `value` in `order`.
  static func encode(order: String, key: String, value: NodeSortValue = .null) -> String {
    var object: JSONObject = ["s": .string(order), "u": .string(key)]
    switch value {
    case .null: object.append("k", .null)
    case .text(let text): object.append("k", .string(text))
    case .integer(let number): object.append("k", .int(number))
    }
    return Data(JSONValue.object(object).serialized().utf8).base64EncodedString()
  }

  /// The cursor of an environment node at `position` in `sort`.
  static func encode(sort: EnvironmentNodeQuery.Sort, position: EnvironmentNodeQuery.Position)
    -> String
  {
    encode(order: sort.rawValue, key: position.uniqueID, value: position.value)
  }

  /// The sort key value and the key a cursor of `order` was made for.
  ///
  /// - Throws: ``GraphQL/GraphQLError`` (`BAD_USER_INPUT`) for text this API did not write
  ///   as a cursor, or a cursor of another order.
  static func decode(_ cursor: String, order: String) throws -> (
    value: NodeSortValue, key: String
  ) {
    func invalid(_ why: String) -> GraphQLError {
      GraphQLError(
        message:
          "Invalid cursor \"\(cursor.prefix(80))\" for argument \"after\": \(why). Pass the endCursor (or an edge's cursor) of a previous page of the same query.",
        extensions: ["code": .string("BAD_USER_INPUT")])
    }
    guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
      let object = (try? JSONParser.parse(text))?.objectValue,
      let written = object["s"]?.stringValue, let key = object["u"]?.stringValue
    else { throw invalid("not a cursor of this API") }
    guard written == order else {
      throw invalid("it was made for the order by \(written), this query orders by \(order)")
    }
    switch object["k"] {
    case nil, .null?: return (.null, key)
    case .string(let text)?: return (.text(text), key)
    case .int(let number)?: return (.integer(number), key)
    default: throw invalid("its sort key is not a string or an integer")
    }
  }

  /// The position in `sort` of an environment node cursor.
  static func decode(_ cursor: String, sort: EnvironmentNodeQuery.Sort) throws
    -> EnvironmentNodeQuery.Position
  {
    let (value, key) = try decode(cursor, order: sort.rawValue)
    return EnvironmentNodeQuery.Position(value: value, uniqueID: key)
  }
}
