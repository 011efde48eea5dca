import Testing

@testable import GraphQL

/// Examples and counter-examples of the spec's Validation section (on the spec's pets
/// schema, which the test schema contains), plus the error limit and the comparison budget.
@Suite struct ValidationTests {
  static let schema: GraphQLSchema? = try? TestSchema.make()

  static func errors(_ document: String, maxErrors: Int = 100, budget: Int = 100_000) throws
    -> [String]
  {
    let schema = try #require(Self.schema)
    let source = Source(document)
    let parsed = try parse(source, options: ParseOptions(maxTokens: nil))
    return validate(
      schema: schema, document: parsed, source: source, maxErrors: maxErrors,
      overlapComparisonBudget: budget
    ).map(\.description)
  }

  @Test(arguments: [
    // 5.2.1.1 Operation Name Uniqueness (Example 103, counter-example 104).
    "query getDogName { dog { name } } query getOwnerName { dog { owner: name } }",
    // 5.3.3 Leaf Field Selections (Example 118).
    "fragment scalarSelection on Dog { barkVolume } { dog { ...scalarSelection } }",
    // 5.4.2 Argument Uniqueness / 5.4.2.1 Required Arguments (Example 129).
    "fragment goodBooleanArg on Dog { isHouseTrained(atOtherHomes: true) } { dog { ...goodBooleanArg } }",
    // 5.5.2.3 Fragment spread is possible: abstract in abstract (Example 149).
    "fragment unionWithInterface on Pet { ...dogOrHumanFragment } fragment dogOrHumanFragment on DogOrHuman { ... on Dog { barkVolume } } { pet { ...unionWithInterface } }",
    // 5.8.5 All Variable Usages Are Allowed (Example 176).
    "query listToList($stringListVar: [String]) { complicatedArgs { stringListArgField(stringListArg: $stringListVar) } }",
  ])
  func specExamplesAreValid(document: String) throws {
    #expect(try Self.errors(document) == [])
  }

  @Test(arguments: [
    (
      "query getName { dog { name } } query getName { dog { owner: name } }",
      #"There can be only one operation named "getName". (1:7, 1:38)"#
    ),
    (
      "{ dog { name } } query getName { dog { owner: name } }",
      "This anonymous operation must be the only defined operation. (1:1)"
    ),
    (
      "fragment scalarSelectionsNotAllowedOnInt on Dog { barkVolume { sinceWhen } } { dog { ...scalarSelectionsNotAllowedOnInt } }",
      #"Field "barkVolume" must not have a selection since type "Int" has no subfields. (1:62)"#
    ),
    (
      "{ dog { doesKnowCommand(command: CLEAN_UP_HOUSE) } }",
      #"Unknown argument "command" on field "Dog.doesKnowCommand". Did you mean "dogCommand"? (1:25)"#
    ),
    (
      "fragment nameFragment on Dog { name ...barkVolumeFragment } fragment barkVolumeFragment on Dog { barkVolume ...nameFragment } { dog { ...nameFragment } }",
      #"Cannot spread fragment "nameFragment" within itself via "barkVolumeFragment". (1:37, 1:109)"#
    ),
    (
      "query takesBoolean($atOtherHomes: Boolean) { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } } query x { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }",
      #"Variable "$atOtherHomes" is not defined by operation "x". (1:145, 1:100)"#
    ),
    (
      "query intCannotGoIntoBoolean($intArg: Int) { complicatedArgs { booleanArgField(booleanArg: $intArg) } }",
      #"Variable "$intArg" of type "Int" used in position expecting type "Boolean". (1:30, 1:92)"#
    ),
    (
      "{ dog { name: nickname name } }",
      #"Fields "name" conflict because "nickname" and "name" are different fields. Use different aliases on the fields to fetch both if this was intentional. (1:9, 1:24)"#
    ),
    (
      "query ($foo: Boolean = true, $bar: Boolean = false) { dog @skip(if: $foo) @skip(if: $bar) { name } }",
      #"The directive "@skip" can only be used once at this location. (1:59, 1:75)"#
    ),
  ])
  func specCounterExamplesAreRejected(document: String, expected: String) throws {
    #expect(try Self.errors(document) == [expected])
  }

  @Test func stopsAtTheErrorLimit() throws {
    let document = "{ " + (0..<150).map { "f\($0)" }.joined(separator: " ") + " }"
    let errors = try Self.errors(document)
    #expect(errors.count == 101)
    #expect(errors.last == "Too many validation errors, error limit reached. Validation aborted.")
    #expect(try Self.errors(document, maxErrors: 3).count == 4)
  }

  @Test func overlapComparisonBudgetReportsInsteadOfWorkingForever() throws {
    // Fields on mutually exclusive types never conflict, yet every Dog/Cat pair must be
    // compared: 300 x 300 comparisons against a budget of 1000.
    let document =
      "{ pet { "
      + String(repeating: "... on Dog { x: name } ... on Cat { x: nickname } ", count: 300) + "} }"
    let errors = try Self.errors(document, budget: 1000)
    #expect(
      errors.contains {
        $0.hasPrefix(
          "Too many field comparisons to check that fields can be merged (more than 1000)")
      })
    #expect(try Self.errors(document) == [])
  }

  @Test func conflictsStopAtTheErrorLimit() throws {
    let fields = (0..<3000).map { $0 % 2 == 0 ? "x: name" : "x: nickname" }.joined(separator: " ")
    let errors = try Self.errors("{ dog { \(fields) } }")
    #expect(errors.count == 101)
    #expect(errors.last == "Too many validation errors, error limit reached. Validation aborted.")
  }

  @Test func identicalFieldsAreComparedOncePerGroup() throws {
    let document = "{ dog { " + String(repeating: "name ", count: 2000) + "} }"
    #expect(try Self.errors(document, budget: 10) == [])
  }
}
