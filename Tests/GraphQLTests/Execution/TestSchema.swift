import Foundation

@testable import GraphQL

/// The differential test schema (Fixtures/test-schema.graphql) with the resolvers of
/// Golden/Execution/resolvers.js, over Fixtures/test-data.json.
enum TestSchema {
  /// Counts mutations, so serial execution is visible in results.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value
    }
  }

  static func make(withOneOf: Bool = false) throws -> GraphQLSchema {
    var sdl = try EngineFixtures.text("Fixtures/test-schema.graphql")
    if withOneOf { sdl += "\n" + (try EngineFixtures.text("Fixtures/test-schema-oneof.graphql")) }
    let schema = try GraphQLSchema(sdl: sdl)
    let data = try EngineFixtures.json("Fixtures/test-data.json")
    bind(schema, data: data)
    return schema
  }

  private struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  static func bind(_ schema: GraphQLSchema, data: JSONValue) {
    let humans = data["humans"]?.listValue ?? []
    let dog = data["dog"] ?? .null
    let cat = data["cat"] ?? .null
    let alien = data["alien"] ?? .null
    @Sendable func human(_ id: JSONValue?) -> JSONValue? { humans.first { $0["id"] == id } }
    func set(_ type: String, _ field: String, _ resolve: @escaping FieldResolver) {
      schema.type(named: type)?.field(named: field)?.resolve = resolve
    }
    let name: FieldResolver = { source, arguments, _, _ in
      guard let source = source as? JSONValue else { return nil }
      if arguments["surname"]?.boolValue == true, let surname = source["surname"]?.stringValue {
        return (source["name"]?.stringValue ?? "") + " " + surname
      }
      return source["name"]
    }
    // Query root.
    set("QueryRoot", "human") { _, arguments, _, _ in
      guard let id = arguments["id"] else { return humans.first }
      return human(id)
    }
    set("QueryRoot", "humans") { _, _, _, _ in humans }
    set("QueryRoot", "alien") { _, _, _, _ in alien }
    set("QueryRoot", "dog") { _, _, _, _ in dog }
    set("QueryRoot", "cat") { _, _, _, _ in cat }
    set("QueryRoot", "pet") { _, _, _, _ in dog }
    set("QueryRoot", "pets") { _, _, _, _ in [dog, cat] }
    set("QueryRoot", "catOrDog") { _, _, _, _ in cat }
    set("QueryRoot", "dogOrHuman") { _, _, _, _ in humans.first }
    set("QueryRoot", "humanOrAlien") { _, _, _, _ in alien }
    set("QueryRoot", "being") { _, _, _, _ in humans.count > 1 ? humans[1] : nil }
    set("QueryRoot", "mammal") { _, _, _, _ in dog }
    set("QueryRoot", "intelligent") { _, _, _, _ in alien }
    set("QueryRoot", "complicatedArgs") { _, _, _, _ in JSONValue.object(JSONObject()) }
    set("QueryRoot", "failing") { _, _, _, _ in throw Failure(description: "failing field") }
    set("QueryRoot", "nonNullFailing") { _, _, _, _ in
      throw Failure(description: "non-null failing field")
    }
    set("QueryRoot", "nullableItems") { _, _, _, _ in [1, nil, 3] as [Int?] }
    set("QueryRoot", "nonNullItems") { _, _, _, _ in [1, nil, 3] as [Int?] }
    set("QueryRoot", "notAList") { _, _, _, _ in "nope" }
    set("QueryRoot", "echo") { _, arguments, _, _ in arguments["value"] }
    set("QueryRoot", "echoInt") { _, arguments, _, _ in arguments["value"] }
    set("QueryRoot", "echoList") { _, arguments, _, _ in arguments["values"] }
    set("QueryRoot", "echoEnum") { _, arguments, _, _ in arguments["color"] }
    set("QueryRoot", "echoInput") { _, arguments, _, _ in arguments["input"]?.serialized() }
    set("QueryRoot", "unknownPet") { _, _, _, _ in
      JSONValue.object(JSONObject([("__typename", "Unicorn")]))
    }
    set("QueryRoot", "petBy") { _, arguments, _, _ in
      let by = arguments["by"]
      if by?["name"] == "Rex" || by?["id"] == "1" { return dog }
      if by?["name"] == "Tom" { return cat }
      return nil
    }
    // Pets and people.
    for type in ["Dog", "Cat", "Alien", "Human"] { set(type, "name", name) }
    set("Dog", "doesKnowCommand") { source, arguments, _, _ in
      let commands = (source as? JSONValue)?["commands"]?.listValue ?? []
      guard let command = arguments["dogCommand"], !command.isNull else { return false }
      return commands.contains(command)
    }
    set("Dog", "isHouseTrained") { source, arguments, _, _ in
      let trained = (source as? JSONValue)?["houseTrained"]?.boolValue ?? false
      return trained && !(arguments["atOtherHomes"]?.boolValue ?? false)
    }
    set("Dog", "isAtLocation") { _, arguments, _, _ in
      (arguments["x"]?.intValue ?? 0) == (arguments["y"]?.intValue ?? 0)
    }
    set("Human", "pets") { source, _, _, _ in
      ((source as? JSONValue)?["pets"]?.listValue ?? []).map { key -> JSONValue? in
        key == "dog" ? dog : key == "cat" ? cat : nil
      }
    }
    set("Human", "relatives") { source, _, _, _ in
      ((source as? JSONValue)?["relatives"]?.listValue ?? []).map { human($0) }
    }
    set("Human", "friends") { source, _, _, _ in
      guard let friends = (source as? JSONValue)?["friends"]?.listValue else { return nil }
      return friends.map { human($0) }
    }
    set("Human", "secret") { _, _, _, _ in throw Failure(description: "the secret is classified") }
    set("Human", "nonNullSecret") { source, _, _, _ in
      let source = source as? JSONValue
      if source?["id"] == "1" { return "s1" }
      throw Failure(description: "no secret for " + (source?["name"]?.stringValue ?? ""))
    }
    // Complicated arguments answer with their coerced arguments as JSON.
    if let complicated = schema.type(named: "ComplicatedArgs") {
      for field in complicated.fields.values {
        field.resolve = { _, arguments, _, _ in JSONValue.object(arguments).serialized() }
      }
    }
    // Mutations and subscriptions.
    let counter = Counter()
    set("MutationRoot", "setName") { _, arguments, _, _ in
      guard case .object(var object) = dog else { return nil }
      object["name"] = .string((arguments["name"]?.stringValue ?? "") + "#\(counter.next())")
      return JSONValue.object(object)
    }
    set("MutationRoot", "failingMutation") { _, _, _, _ in
      throw Failure(description: "mutation failed")
    }
    set("SubscriptionRoot", "newDog") { _, _, _, _ in dog }
    set("SubscriptionRoot", "newCat") { _, _, _, _ in cat }
  }
}
