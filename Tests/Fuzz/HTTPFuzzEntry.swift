// libFuzzer entry point for the HTTP request parser (see README.md): the request head
// parser, body framing, the chunked decoder, and the multipart, header-parameter and
// query-string parsers.
//
// Oracle, for every input: nothing crashes or hangs; the head parser gives the same
// answer (the same head and length, the same error status, or "incomplete") whether the
// input arrives at once or one byte at a time; so does the chunked decoder on the bytes
// after the head; a parsed head keeps every limit (line, header bytes, field count).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let input = Array(UnsafeBufferPointer(start: data, count: size))
  var limits = HTTPLimits()
  // Small limits so the fuzzer reaches them with short inputs.
  limits.maxRequestLineBytes = 256
  limits.maxHeaderBytes = 512
  limits.maxHeaderCount = 8
  limits.maxChunkLineBytes = 64

  let whole = parseHead(input, limits: limits, byteByByte: false)
  let split = parseHead(input, limits: limits, byteByByte: true)
  guard whole == split else {
    fatalError("head parser differs when fed byte by byte: \(whole) vs \(split)")
  }
  if case .head(let head, let length) = whole {
    checkLimits(head, length: length, limits: limits)
    if let framing = try? HTTPBodyFraming.of(head), framing == .chunked {
      let rest = Array(input[length...])
      let once = decodeChunked(rest, limits: limits, byteByByte: false)
      let trickled = decodeChunked(rest, limits: limits, byteByByte: true)
      guard once == trickled else {
        fatalError("chunked decoder differs when fed byte by byte: \(once) vs \(trickled)")
      }
    }
    _ = head.queryItems
    for field in head.headers { _ = HeaderValue.parse(field.value) }
  }
  _ = try? MultipartFormData.parse(
    body: input, contentType: "multipart/form-data; boundary=XyZ", maxParts: 16,
    maxPartHeaderBytes: 256)
  let text = String(decoding: input, as: UTF8.self)
  _ = QueryString.parse(text)
  _ = QueryString.percentDecode(text, plusAsSpace: true)
  return 0
}

enum HeadOutcome: Equatable {
  case head(HTTPRequestHead, Int)
  case error(Int)
  case incomplete
}

func parseHead(_ input: [UInt8], limits: HTTPLimits, byteByByte: Bool) -> HeadOutcome {
  var parser = HTTPRequestHeadParser(limits: limits)
  let ends = byteByByte ? Array(0...input.count) : [input.count]
  for end in ends {
    do throws(HTTPParseError) {
      if let (head, length) = try parser.parse(input[0..<end]) { return .head(head, length) }
    } catch {
      return .error(error.status.code)
    }
  }
  return .incomplete
}

func checkLimits(_ head: HTTPRequestHead, length: Int, limits: HTTPLimits) {
  guard head.headers.count <= limits.maxHeaderCount else {
    fatalError("\(head.headers.count) header fields exceed the limit")
  }
  guard length <= 2 * limits.maxRequestLineBytes + limits.maxHeaderBytes + 8 else {
    fatalError("a head of \(length) bytes passed the limits")
  }
}

enum ChunkedOutcome: Equatable {
  case complete([UInt8], Int)
  case error(Int)
  case incomplete([UInt8])
}

func decodeChunked(_ input: [UInt8], limits: HTTPLimits, byteByByte: Bool) -> ChunkedOutcome {
  var decoder = ChunkedBodyDecoder(maxBodyBytes: 1024, limits: limits)
  var body: [UInt8] = []
  var offset = 0
  let step = byteByByte ? 1 : max(input.count, 1)
  while offset < input.count {
    let start = offset
    let end = min(offset + step, input.count)
    do throws(HTTPParseError) {
      let used = try decoder.decode(input[start..<end], into: &body)
      offset += used
      if decoder.isComplete { return .complete(body, offset) }
      guard used == end - start else {
        fatalError("decoder stopped early without completing")
      }
    } catch {
      return .error(error.status.code)
    }
  }
  return decoder.isComplete ? .complete(body, offset) : .incomplete(body)
}
