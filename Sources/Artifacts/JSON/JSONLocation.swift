/// A 1-based line and column in a JSON text, computed only when an error is reported.
///
/// Lines end at `\n`, `\r\n` or `\r`. The column counts Unicode scalars (not bytes) from the
/// start of the line, so it matches what an editor shows for non-ASCII text; the byte offset
/// is reported beside it for tools that want bytes.
struct JSONLocation: Equatable {
  let line: Int
  let column: Int

  init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// Scans `buffer` up to `offset` (clamped to the buffer) counting line breaks.
  init(of offset: Int, in buffer: UnsafeBufferPointer<UInt8>) {
    let end = min(max(offset, 0), buffer.count)
    var line = 1
    var column = 1
    var index = 0
    while index < end {
      let byte = buffer[index]
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte == 0x0D {
        line += 1
        column = 1
        if index + 1 < end, buffer[index + 1] == 0x0A { index += 1 }
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    self.init(line: line, column: column)
  }
}
