/// The values the overlapping-fields rule works with: collected fields, leaf signatures,
/// conflicts and their reasons.
extension OverlappingFieldsCanBeMergedRule {
  struct Entry {
    let parentType: GraphQLNamedType?
    let node: Field
    let definition: GraphQLField?
    /// Identical leaf fields share a signature; other fields have none.
    let signature: Signature?
  }

  /// What makes two leaf fields identical for merging: parent type, name and arguments.
  struct Signature: Hashable {
    let parentType: ObjectIdentifier?
    let name: String
    let arguments: String
  }

  final class FieldsAndFragments {
    var fields = OrderedDictionary<String, [Entry]>()
    var fragmentNames: [String] = []
    /// Per response name, the signature all its entries share, if they all share one.
    var uniformSignature: [String: Signature] = [:]
  }

  indirect enum Reason {
    case message(String)
    case subfields([(String, Reason)])

    var message: String {
      switch self {
      case .message(let text): return text
      case .subfields(let reasons):
        return reasons.map { "subfields \"\($0.0)\" conflict because \($0.1.message)" }
          .joined(separator: " and ")
      }
    }
  }

  struct Conflict {
    let responseName: String
    let reason: Reason
    let fields1: [Field]
    let fields2: [Field]
  }
}
