import Testing

@testable import Artifacts

/// The lenient readings of values dbt is known to write loosely, and the tested-node
/// lookup for manifests older than `attached_node`.
@Suite struct LenientValuesTests {
  @Test(arguments: [
    ("True", true), ("false", false), ("True and True", true), ("True and False", false),
    ("False or True", true), ("false or false", false), ("yes", true), ("None", false),
  ])
  func booleanStrings(text: String, value: Bool) {
    #expect(JSONValue.evaluateBoolean(text) == value)
  }

  @Test(arguments: ["", "maybe", "True and", "and True", "True xor False"])
  func nonBooleanStrings(text: String) {
    #expect(JSONValue.evaluateBoolean(text) == nil)
  }

  @Test func numbersAndNullsAsBooleans() throws {
    let document = try JSONDocument(
      bytes: Array(#"{"a": 1.0, "b": 0, "c": null, "d": "True and True", "e": [true]}"#.utf8),
      name: "t")
    #expect(document.root.lenientBool("a") == true)
    #expect(document.root.lenientBool("b") == false)
    #expect(document.root.lenientBool("c") == nil)
    #expect(document.root.lenientBool("d") == true)
    #expect(document.root.lenientBool("e") == nil)
  }

  @Test func versionsWrittenAsNumbersBecomeText() throws {
    let document = try JSONDocument(bytes: Array(#"{"v": 2, "w": 1.5, "x": "3"}"#.utf8), name: "t")
    #expect(document.root.lenientString("v") == "2")
    #expect(document.root.lenientString("w") == "1.5")
    #expect(document.root.lenientString("x") == "3")
  }

  @Test func testedNodeFromKwargs() {
    let dependencies = ["model.p.customers", "model.p.orders"]
    // relationships from orders to customers: depends_on lists both, sorted.
    #expect(
      TestedNode.find(model: "{{ get_where_subquery(ref('orders')) }}", among: dependencies)
        == "model.p.orders")
    #expect(
      TestedNode.find(
        model: #"{{ get_where_subquery(ref("p", "customers")) }}"#, among: dependencies)
        == "model.p.customers")
    #expect(
      TestedNode.find(
        model: "{{ get_where_subquery(source('raw', 'orders')) }}",
        among: ["model.p.x", "source.p.raw.orders"]) == "source.p.raw.orders")
    // Versioned model ids (model.p.orders.v2) match by name.
    #expect(
      TestedNode.find(model: "{{ ref('orders') }}", among: ["model.p.orders.v2"])
        == "model.p.orders.v2")
    // Without kwargs, the first dependency.
    #expect(TestedNode.find(model: nil, among: dependencies) == "model.p.customers")
    #expect(TestedNode.find(model: nil, among: []) == nil)
  }

  @Test func compactionKeepsStringsIntact() throws {
    let text = "{ \"a b\" : [ 1 , \"x \\\" y\\\\\" , { \"c\" :\tnull } ] ,\n \"d\": \"\\\\\" }"
    let document = try JSONDocument(bytes: Array(text.utf8), name: "t")
    #expect(document.root.raw.compactText == #"{"a b":[1,"x \" y\\",{"c":null}],"d":"\\"}"#)
    #expect(RawJSON.compact(ArraySlice(Array("  ".utf8))).isEmpty)
  }

  @Test func collapsedContainersExpandOnAccess() throws {
    let text = #"{"outer": {"inner": {"deep": [1, {"x": "y"}]}}}"#
    let document = try JSONDocument(bytes: Array(text.utf8), name: "t", recordDepth: 1)
    let outer = try #require(document.root["outer"])
    #expect(outer.isCollapsed)
    #expect(document.valueCount == 3)  // root, key, collapsed outer
    let deep = try #require(outer["inner"]?["deep"])
    #expect(deep[1]?["x"]?.string == "y")
    #expect(deep[1]?["x"]?.path == "$.outer.inner.deep[1].x")
    #expect(outer.expanded().raw.compactText == #"{"inner":{"deep":[1,{"x":"y"}]}}"#)
  }
}
