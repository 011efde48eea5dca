import Testing

@testable import Artifacts

/// The scanner's word-at-a-time fast paths: every stop byte (quote, backslash, control
/// character, UTF-8 lead) at every offset of an eight-byte word, in both the validating pass
/// and the validated re-parse, with exact tape bounds, decoded text and error locations.
@Suite struct JSONScannerTests {
  /// An error location and message.
  struct Failure: Equatable, CustomStringConvertible {
    let offset: Int
    let line: Int
    let column: Int
    let message: String

    var description: String { "\(offset) (\(line):\(column)) \(message)" }
  }

  /// The tape of `bytes[range]`, parsed validating or as already validated.
  func tape(_ bytes: [UInt8], range: Range<Int>? = nil, validated: Bool) throws
    -> [JSONTapeEntry]
  {
    var parser = JSONParser(
      name: "scan.json", maximumDepth: JSONDocument.defaultMaximumDepth, validated: validated)
    return try parser.parse(bytes, range: range ?? 0..<bytes.count)
  }

  /// The invalid-JSON failure of parsing `bytes`, or nil if it parsed.
  func failure(_ bytes: [UInt8], range: Range<Int>? = nil, validated: Bool = false) -> Failure? {
    do {
      _ = try tape(bytes, range: range, validated: validated)
      return nil
    } catch let error as ArtifactError {
      guard case .invalidJSON(let offset, let line, let column, let message) = error.reason else {
        return Failure(offset: -1, line: 0, column: 0, message: "\(error)")
      }
      return Failure(offset: offset, line: line, column: column, message: message)
    } catch {
      return Failure(offset: -1, line: 0, column: 0, message: "\(error)")
    }
  }

  /// `[` + `pad` spaces + a string with `contents` (raw JSON text) + `, 7]`.
  func array(padding pad: Int, contents: [UInt8]) -> [UInt8] {
    Array("[".utf8) + Array(repeating: 0x20, count: pad) + [0x22] + contents + Array("\", 7]".utf8)
  }

  /// Checks the string's entry (contents start just after the quote at `1 + pad`) and that
  /// the number after it was found, in both modes; returns the decoded string.
  func checkString(
    _ contents: [UInt8], padding pad: Int, escaped: Bool,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String? {
    let bytes = array(padding: pad, contents: contents)
    var decoded: [String?] = []
    for validated in [false, true] {
      let entries = try tape(bytes, validated: validated)
      #expect(entries.count == 3, sourceLocation: sourceLocation)
      guard entries.count == 3 else { return nil }
      let string = entries[1]
      #expect(string.kind == .string, sourceLocation: sourceLocation)
      #expect(Int(string.start) == pad + 2, sourceLocation: sourceLocation)
      #expect(Int(string.end) == pad + 2 + contents.count, sourceLocation: sourceLocation)
      #expect(string.flag == escaped, sourceLocation: sourceLocation)
      #expect(string.next == 2, sourceLocation: sourceLocation)
      #expect(entries[2].kind == .number, sourceLocation: sourceLocation)
      #expect(Int(entries[2].start) == pad + 2 + contents.count + 3, sourceLocation: sourceLocation)
      #expect(Int(entries[0].end) == bytes.count, sourceLocation: sourceLocation)
      decoded.append(try JSONDocument(bytes: bytes, name: "scan.json").root[0]?.string)
    }
    #expect(decoded[0] == decoded[1], sourceLocation: sourceLocation)
    return decoded[0]
  }

  func ascii(_ count: Int, _ letter: String = "a") -> [UInt8] {
    Array(String(repeating: letter, count: count).utf8)
  }

  // MARK: - Valid strings

  @Test func closingQuoteAtEveryOffset() throws {
    for pad in 0..<8 {
      for length in 0..<40 {
        let text = String(repeating: "x", count: length)
        #expect(try checkString(ascii(length, "x"), padding: pad, escaped: false) == text)
      }
    }
  }

  @Test func escapesAtEveryOffsetAndWordEdge() throws {
    // Each escape after 0-17 plain bytes and followed by 0-9 more: an escaped quote or
    // backslash right before the closing quote, and escapes straddling word boundaries.
    let escapes: [(String, String)] = [
      (#"\""#, "\""), (#"\\"#, "\\"), (#"\/"#, "/"), (#"\n"#, "\n"), (#"\t"#, "\t"),
      (#"\u00e9"#, "é"), (#"\u005c"#, "\\"), (#"\u0022"#, "\""), (#"\ud83d\ude00"#, "😀"),
    ]
    for (escape, value) in escapes {
      for before in 0..<18 {
        for after in 0..<10 {
          let contents = ascii(before) + Array(escape.utf8) + ascii(after, "b")
          let expected =
            String(repeating: "a", count: before) + value + String(repeating: "b", count: after)
          #expect(try checkString(contents, padding: before % 3, escaped: true) == expected)
        }
      }
    }
  }

  @Test func consecutiveBackslashesBeforeTheQuote() throws {
    // `\\` then the closing quote: the quote after an escaped backslash ends the string.
    for before in 0..<17 {
      for pairs in 1..<5 {
        let contents = ascii(before) + Array(String(repeating: #"\\"#, count: pairs).utf8)
        let expected = String(repeating: "a", count: before) + String(repeating: "\\", count: pairs)
        #expect(try checkString(contents, padding: 0, escaped: true) == expected)
      }
    }
  }

  @Test func utf8SequencesAtEveryOffset() throws {
    for character in ["é", "中", "😀", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}"] {
      for before in 0..<17 {
        for after in 0..<9 {
          let contents = ascii(before) + Array(character.utf8) + ascii(after, "z")
          let expected =
            String(repeating: "a", count: before) + character
            + String(repeating: "z", count: after)
          #expect(try checkString(contents, padding: 1, escaped: false) == expected)
        }
      }
    }
  }

  @Test func longMixedStringsDecodeExactly() throws {
    var text = ""
    var contents: [UInt8] = []
    for index in 0..<300 {
      switch index % 7 {
      case 0:
        text += "é"
        contents += Array("é".utf8)
      case 3:
        text += "\""
        contents += Array(#"\""#.utf8)
      case 5:
        text += "中😀"
        contents += Array("中😀".utf8)
      default:
        let plain = String(repeating: "p", count: index % 11)
        text += plain
        contents += Array(plain.utf8)
      }
    }
    #expect(try checkString(contents, padding: 0, escaped: true) == text)
  }

  // MARK: - Invalid strings: exact locations

  @Test func controlCharacterAtEveryOffset() throws {
    for pad in 0..<3 {
      for before in 0..<20 {
        for control: UInt8 in [0x00, 0x09, 0x0A, 0x1F] {
          let bytes = array(padding: pad, contents: ascii(before) + [control] + ascii(5))
          let offset = 2 + pad + before
          let hex = String(control, radix: 16, uppercase: true)
          let expected = Failure(
            offset: offset, line: 1, column: offset + 1,
            message:
              "control character byte 0x\(hex.count == 1 ? "0" + hex : hex) must be escaped inside a string"
          )
          #expect(failure(bytes) == expected)
        }
      }
    }
  }

  @Test func invalidUTF8AtEveryOffsetAndSplitAcrossWords() throws {
    for before in 0..<20 {
      // A lead byte whose continuation is missing or wrong; the error points at the byte
      // that breaks the sequence.
      let cases: [([UInt8], Int, String)] = [
        ([0xC3, 0x28], 1, "invalid UTF-8 sequence in a string"),
        ([0xE4, 0xB8, 0x41], 2, "invalid UTF-8 sequence in a string"),
        ([0xF0, 0x9F, 0x98, 0x22], 3, "invalid UTF-8 sequence in a string"),
        ([0xE0, 0x80, 0x80], 1, "invalid UTF-8 sequence in a string"),  // overlong
        ([0xED, 0xA0, 0x80], 1, "invalid UTF-8 sequence in a string"),  // surrogate
        ([0xFF], 0, "invalid UTF-8 byte 0xFF in a string"),
        ([0x80], 0, "invalid UTF-8 byte 0x80 in a string"),
        ([0xC1, 0xBF], 0, "invalid UTF-8 byte 0xC1 in a string"),
      ]
      for (sequence, bad, message) in cases {
        let bytes = array(padding: 0, contents: ascii(before) + sequence + ascii(4))
        let offset = 2 + before + bad
        // Columns count scalars: the lead byte of a broken sequence counts as one.
        let column = bad == 0 ? offset + 1 : 2 + before + 2
        #expect(
          failure(bytes) == Failure(offset: offset, line: 1, column: column, message: message))
      }
    }
  }

  @Test func truncatedInsideTheFastPath() throws {
    for pad in 0..<3 {
      for length in 0..<24 {
        // Ends inside the string: the error points at the opening quote.
        let open = Array("[".utf8) + Array(repeating: 0x20, count: pad) + [0x22] + ascii(length)
        #expect(
          failure(open)
            == Failure(
              offset: 1 + pad, line: 1, column: 2 + pad,
              message:
                "unterminated string (opened here); found end of input (input ends inside 1 unclosed array(s)/object(s): truncated file?)"
            ))
        // Ends right after a backslash, or inside \u.
        let backslash = open + [0x5C]
        #expect(
          failure(backslash)?.message
            == "expected an escape character after '\\', found end of input (input ends inside 1 unclosed array(s)/object(s): truncated file?)"
        )
        #expect(failure(backslash)?.offset == backslash.count)
        let unicode = open + Array(#"\u00"#.utf8)
        #expect(failure(unicode)?.offset == unicode.count)
        #expect(failure(unicode)?.message.hasPrefix("expected 4 hex digits after '\\u'") == true)
        // Ends inside a UTF-8 sequence.
        let utf8 = open + [0xE4, 0xB8]
        #expect(failure(utf8)?.offset == utf8.count)
        #expect(failure(utf8)?.message.hasPrefix("truncated UTF-8 sequence") == true)
      }
    }
  }

  @Test func validatedParseStopsAtTheEndOfItsRange() throws {
    // A re-parse of part of a buffer never looks past its range: a string whose quote lies
    // beyond the range is unterminated there.
    let bytes = Array(#"["abcdefghijklmnopqrstuvwxyz0123456789", 1]"#.utf8)
    for end in 2..<38 {
      for validated in [false, true] {
        let error = failure(bytes, range: 0..<end, validated: validated)
        #expect(error?.offset == 1)
        #expect(error?.message.hasPrefix("unterminated string (opened here)") == true)
      }
    }
    // The same string inside its range parses in both modes.
    for validated in [false, true] {
      let entries = try tape(bytes, range: 1..<39, validated: validated)
      #expect(entries.count == 1)
      #expect(entries.first.map { Int($0.end) } == 38)
    }
  }

  @Test func escapesAreCheckedInTheValidatingPass() throws {
    for before in 0..<17 {
      let bad = array(padding: 0, contents: ascii(before) + Array(#"\x"#.utf8))
      #expect(failure(bad)?.offset == 3 + before)
      #expect(failure(bad)?.message.hasPrefix("invalid escape '\\x'") == true)
      let hex = array(padding: 0, contents: ascii(before) + Array(#"\u12G4"#.utf8))
      #expect(failure(hex)?.offset == 6 + before)
      #expect(failure(hex)?.message == "expected 4 hex digits after '\\u', found 'G'")
    }
  }
}
