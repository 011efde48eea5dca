import Testing

@testable import Auth

/// `Authorization: Bearer <token>` or `Token <token>`, any case; nothing else.
@Suite struct AuthorizationHeaderTests {
  @Test(arguments: [
    "Bearer dbtm_x", "Token dbtm_x", "bearer dbtm_x", "TOKEN dbtm_x", "Bearer  dbtm_x ",
    "Bearer\tdbtm_x",
  ])
  func bothSchemesInAnyCaseGiveTheToken(header: String) throws {
    #expect(try AuthorizationHeader.token(from: header) == "dbtm_x")
  }

  static let wrongScheme = AuthError(
    .malformedToken("expected an Authorization header 'Bearer <token>' or 'Token <token>'"))

  @Test(
    arguments: [
      (nil, AuthError(.missingToken)),
      ("", AuthError(.missingToken)),
      ("Bearer", AuthError(.missingToken)),
      ("Bearer ", AuthError(.missingToken)),
      ("dbtm_x", wrongScheme),
      ("Basic dXNlcjpwYXNz", wrongScheme),
      ("Bearer a b", AuthError(.malformedToken("expected one token after 'Bearer'"))),
    ] as [(String?, AuthError)])
  func anythingElseIsRefused(header: String?, expected: AuthError) {
    #expect(throws: expected) { try AuthorizationHeader.token(from: header) }
  }
}
