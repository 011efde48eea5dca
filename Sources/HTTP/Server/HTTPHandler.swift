/// What the server calls for each complete request: it returns the whole response.
///
/// It runs on the connection's own thread, so it may block (on a database read, say)
/// without delaying other connections; it must be safe to call from many threads at once.
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse
