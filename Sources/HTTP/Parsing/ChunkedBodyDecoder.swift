/// Decodes the chunked transfer coding (RFC 9112 §7.1) incrementally, as bytes arrive,
/// within a body size limit.
///
/// ```
/// chunked-body = *chunk last-chunk trailer-section CRLF
/// chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
/// ```
/// Chunk extensions are checked for shape and ignored; trailer fields are read within the
/// header size limit and discarded (RFC 9110 §6.5.1 lets a recipient discard them). As in
/// ``HTTPRequestHeadParser``, every line must end in CRLF.
///
/// For example:
/// ```swift
/// var decoder = ChunkedBodyDecoder(maxBodyBytes: 1 << 20, limits: HTTPLimits())
/// var body: [UInt8] = []
/// let used = try decoder.decode(received[...], into: &body)
/// if decoder.isComplete { /* the next request starts after `used` bytes */ }
/// ```
public struct ChunkedBodyDecoder: Sendable {
  private enum State: Sendable, Equatable {
    /// Reading a chunk-size line; the bytes so far.
    case sizeLine
    /// Reading chunk data; bytes still to come.
    case data(remaining: Int)
    /// Expecting the CRLF after chunk data; whether the CR has been seen.
    case dataEnd(sawCR: Bool)
    /// Reading trailer lines after the last chunk.
    case trailer
    /// The final CRLF has been read.
    case complete
  }

  /// The most body bytes accepted; more gets 413.
  public let maxBodyBytes: Int
  private let maxLineBytes: Int
  private let maxTrailerBytes: Int
  private var state: State = .sizeLine
  private var line: [UInt8] = []
  private var trailerBytes = 0
  private var decoded = 0

  /// A decoder accepting at most `maxBodyBytes` of content.
  public init(maxBodyBytes: Int, limits: HTTPLimits) {
    self.maxBodyBytes = maxBodyBytes
    self.maxLineBytes = limits.maxChunkLineBytes
    self.maxTrailerBytes = limits.maxHeaderBytes
  }

  /// Whether the whole chunked body, trailers included, has been read.
  public var isComplete: Bool { state == .complete }

  /// Decodes from `input`, appending chunk data to `body`.
  ///
  /// - Returns: how many bytes of `input` were used; fewer than `input.count` only once
  ///   ``isComplete`` (the rest belongs to the next request).
  /// - Throws: ``HTTPParseError`` with 400 for bad framing or 413 over the limit.
  public mutating func decode(
    _ input: ArraySlice<UInt8>, into body: inout [UInt8]
  ) throws(HTTPParseError) -> Int {
    var index = input.startIndex
    while index < input.endIndex {
      switch state {
      case .complete:
        return index - input.startIndex
      case .data(let remaining):
        let take = min(remaining, input.endIndex - index)
        body.append(contentsOf: input[index..<(index + take)])
        index += take
        state = take == remaining ? .dataEnd(sawCR: false) : .data(remaining: remaining - take)
      case .dataEnd(let sawCR):
        let byte = input[index]
        index += 1
        if !sawCR {
          guard byte == cr else {
            throw HTTPParseError(.badRequest, "chunk data longer than its size")
          }
          state = .dataEnd(sawCR: true)
        } else {
          guard byte == lf else {
            throw HTTPParseError(.badRequest, "chunk data not ended by CRLF")
          }
          state = .sizeLine
        }
      case .sizeLine, .trailer:
        let byte = input[index]
        index += 1
        if byte != lf {
          line.append(byte)
          if state == .sizeLine, line.count > maxLineBytes {
            throw HTTPParseError(.badRequest, "chunk size line longer than the limit")
          }
          if state == .trailer {
            trailerBytes += 1
            if trailerBytes > maxTrailerBytes {
              throw HTTPParseError(
                .requestHeaderFieldsTooLarge, "trailer section larger than the limit")
            }
          }
          continue
        }
        guard line.last == cr else {
          throw HTTPParseError(.badRequest, "chunk line ended by a bare LF instead of CRLF")
        }
        line.removeLast()
        if line.contains(cr) {
          throw HTTPParseError(.badRequest, "bare CR in a chunk line")
        }
        if state == .sizeLine {
          let size = try Self.chunkSize(line)
          line.removeAll(keepingCapacity: true)
          if size == 0 {
            state = .trailer
          } else {
            guard size <= maxBodyBytes - decoded else {
              throw HTTPParseError(.contentTooLarge, "chunked body larger than the limit")
            }
            decoded += size
            state = .data(remaining: size)
          }
        } else if line.isEmpty {
          state = .complete
        } else {
          guard let first = line.first, first != space, first != tab, line.contains(0x3A) else {
            throw HTTPParseError(.badRequest, "malformed trailer field")
          }
          line.removeAll(keepingCapacity: true)
        }
      }
    }
    return index - input.startIndex
  }

  /// `chunk-size [ chunk-ext ]`: hexadecimal digits, then optional extensions
  /// `*( BWS ";" BWS name [ BWS "=" BWS value ] )` (RFC 9112 §7.1.1), checked loosely
  /// (token characters, quotes, `=`, `;` and whitespace) and ignored.
  static func chunkSize(_ line: [UInt8]) throws(HTTPParseError) -> Int {
    var size = 0
    var index = 0
    while index < line.count, let digit = hexValue(line[index]) {
      guard size <= (Int.max - digit) / 16 else {
        throw HTTPParseError(.contentTooLarge, "chunk size overflows")
      }
      size = size * 16 + digit
      index += 1
    }
    guard index > 0 else { throw HTTPParseError(.badRequest, "chunk size is not hexadecimal") }
    var rest = line[index...].drop { $0 == space || $0 == tab }
    if rest.isEmpty { return size }
    guard rest.first == 0x3B else {
      throw HTTPParseError(.badRequest, "unexpected bytes after the chunk size")
    }
    rest = rest.dropFirst()
    let allowed = rest.allSatisfy { byte in
      HTTPRequestHeadParser.isTokenByte[Int(byte)] || byte == space || byte == tab
        || byte == 0x3B || byte == 0x3D || byte == 0x22 || byte == 0x5C
        || (byte >= 0x21 && byte != 0x7F)
    }
    guard allowed else { throw HTTPParseError(.badRequest, "malformed chunk extension") }
    return size
  }

  private static func hexValue(_ byte: UInt8) -> Int? {
    switch byte {
    case 0x30...0x39: Int(byte - 0x30)
    case 0x41...0x46: Int(byte - 0x41 + 10)
    case 0x61...0x66: Int(byte - 0x61 + 10)
    default: nil
    }
  }
}
