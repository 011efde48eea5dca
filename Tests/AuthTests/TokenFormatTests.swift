import Foundation
import Testing

@testable import Auth

/// The token text: prefix, 190 random bits in base62, CRC-32 checksum; and its digest.
@Suite struct TokenFormatTests {
  @Test func crc32MatchesTheStandardCheckValue() {
    // The check value of CRC-32/ISO-HDLC (zlib's crc32) over "123456789".
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([UInt8]()) == 0)
  }

  @Test func base62ChecksumDigitsRoundTrip() {
    for value: UInt32 in [0, 1, 61, 62, 0xCBF4_3926, .max] {
      let digits = Base62.encode(value, width: 6)
      #expect(digits.count == 6)
      #expect(Base62.decode(digits) == UInt64(value))
    }
    #expect(String(decoding: Base62.encode(61, width: 6), as: UTF8.self) == "00000z")
    #expect(Base62.decode(Array("0-".utf8)) == nil)
  }

  @Test(arguments: TokenKind.allCases)
  func aNewTokenHasItsPrefixLengthAndAlphabetAndParses(kind: TokenKind) throws {
    let token = try TokenFormat.generate(kind)
    #expect(token.plaintext.hasPrefix(kind.prefix))
    #expect(token.plaintext.utf8.count == 43)
    #expect(token.plaintext.dropFirst(5).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
    let parsed = try TokenFormat.parse(token.plaintext)
    #expect(parsed.kind == kind)
    #expect(parsed.digest == token.digest)
    #expect(parsed.digest == TokenDigest(of: token.plaintext))
  }

  @Test func tokensAreDistinctAndUseTheWholeAlphabet() throws {
    var seen = Set<String>()
    var digits = Set<Character>()
    for _ in 0..<2_000 {
      let text = try TokenFormat.generate(.service).plaintext
      seen.insert(text)
      digits.formUnion(text.dropFirst(5).dropLast(6))
    }
    #expect(seen.count == 2_000)
    // 64,000 uniform draws from 62 digits miss one with probability ~62 * e^-1032.
    #expect(digits.count == 62)
  }

  @Test func theDigestIsSHA256OfTheText() throws {
    // FIPS 180-4 example "abc".
    #expect(
      TokenDigest(of: "abc").description
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(TokenDigest(bytes: Array(repeating: 0, count: 31)) == nil)
    let digest = TokenDigest(of: "abc")
    #expect(TokenDigest(bytes: digest.bytes) == digest)
    var other = digest.bytes
    other[31] ^= 1
    #expect(TokenDigest(bytes: other) != digest)
  }

  /// Examples of text that is not a token, each with the reason given.
  @Test(arguments: [
    ("", AuthError(.missingToken)),
    ("hello", AuthError(.malformedToken("expected a token starting with dbtm_ or dbtu_"))),
    ("dbtc_abc", AuthError(.malformedToken("expected a token starting with dbtm_ or dbtu_"))),
    ("Bearer dbtm_x", AuthError(.malformedToken("expected a token starting with dbtm_ or dbtu_"))),
    (
      "dbtm_abc",
      AuthError(.malformedToken("expected 43 characters (dbtm_ and 38 base62 digits), found 8"))
    ),
    (
      "dbtu_" + String(repeating: "a", count: 37) + "-",
      AuthError(.malformedToken("a character outside 0-9, A-Z, a-z after dbtu_"))
    ),
    ("dbtm_" + String(repeating: "a", count: 38), AuthError(.badChecksum)),
  ])
  func textThatIsNotATokenIsRefused(text: String, expected: AuthError) {
    #expect(throws: expected) { try TokenFormat.parse(text) }
  }

  @Test func aChecksumDigitsValueBeyondUInt32IsABadChecksum() throws {
    let token = try TokenFormat.generate(.service).plaintext
    let forged = String(token.dropLast(6)) + "zzzzzz"  // 62^6 - 1 > 2^32
    #expect(throws: AuthError(.badChecksum)) { try TokenFormat.parse(forged) }
  }

  /// Every single-character change (substitution by any printable ASCII character and a
  /// few non-ASCII ones, deletion, insertion) of a valid token is refused by the format
  /// and checksum checks, and the directory is never asked.
  @Test(arguments: TokenKind.allCases)
  func everySingleCharacterChangeIsRefusedBeforeAnyLookup(kind: TokenKind) throws {
    let directory = MemoryDirectory()
    let identity: Principal.Identity =
      kind == .user
      ? .user(id: 1, email: nil, role: .owner)
      : .service(permissionSets: [PermissionSet(.metadataOnly)])
    let token = try directory.issue(accountID: 1, tokenID: 1, name: "t", identity: identity)
    let characters = Array(token)
    let replacements: [Character] =
      (32...126).map { Character(UnicodeScalar(UInt8($0))) } + ["é", "\u{0}", "\n", "🙂"]

    var variants: [String] = []
    for index in characters.indices {
      for replacement in replacements where replacement != characters[index] {
        var changed = characters
        changed[index] = replacement
        variants.append(String(changed))
      }
      var deleted = characters
      deleted.remove(at: index)
      variants.append(String(deleted))
      for inserted in ["a", "Z", "0"] as [Character] {
        var longer = characters
        longer.insert(inserted, at: index)
        variants.append(String(longer))
      }
    }
    #expect(variants.count > 4_000)
    for variant in variants {
      do {
        _ = try Authenticator.authenticate(variant, in: directory)
        Issue.record("accepted a changed token: \(variant)")
      } catch let error as AuthError {
        switch error.reason {
        case .malformedToken, .badChecksum: break
        default: Issue.record("\(variant): refused late, as \(error)")
        }
      }
    }
    #expect(directory.lookups == 0)
    #expect(directory.recordedUses.isEmpty)

    // The unchanged token passes, with exactly one lookup: the counter counts.
    _ = try Authenticator.authenticate(token, in: directory)
    #expect(directory.lookups == 1)
  }
}
