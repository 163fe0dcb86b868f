import JSONRPC
import LSPTypes

/// A handler's answer: ready now, or work that runs off the loop (in a task registered
/// under the request id, so `$/cancelRequest` can answer for it).
enum Pending<Value: Sendable>: Sendable {
  case now(Value)
  case later(@Sendable () async throws -> Value)
}

/// What the loop does with a request once decoded.
enum Reply: Sendable {
  case now(Result<ResponseResult, ResponseError>)
  case later(@Sendable () async -> Result<ResponseResult, ResponseError>)
}

/// One row of the request table: decodes the params (a failure is -32602 naming the
/// field), calls the typed handler on the server's actor, in arrival order, and encodes
/// its result.
struct RequestHandler: Sendable {
  let start: @Sendable (isolated LanguageServer, JSONValue?) -> Reply

  init<Request: LSPRequest>(
    _ request: Request.Type,
    _ handler: @escaping @Sendable (isolated LanguageServer, Request.Params) throws -> Pending<Request.Response>
  ) {
    start = { server, params in
      let decoded: Request.Params
      do {
        decoded = try decodeParams(Request.Params.self, params)
      } catch {
        return .now(.failure(.invalidParams("invalid params: \(JSONValueDecoder.describe(error))")))
      }
      do {
        switch try handler(server, decoded) {
        case .now(let value): return .now(encodeResult(value))
        case .later(let work):
          return .later {
            do {
              return encodeResult(try await work())
            } catch {
              return .failure(responseError(error))
            }
          }
        }
      } catch {
        return .now(.failure(responseError(error)))
      }
    }
  }
}

/// One row of the notification table. Returns a description of params that do not decode.
struct NotificationHandler: Sendable {
  let run: @Sendable (isolated LanguageServer, JSONValue?) -> String?

  init<Notification: LSPNotification>(
    _ notification: Notification.Type,
    _ handler: @escaping @Sendable (isolated LanguageServer, Notification.Params) -> Void
  ) {
    run = { server, params in
      do {
        handler(server, try decodeParams(Notification.Params.self, params))
        return nil
      } catch {
        return JSONValueDecoder.describe(error)
      }
    }
  }
}

/// Missing params decode as `{}`, so a missing required field is named in the error.
func decodeParams<Params: Decodable>(_ type: Params.Type, _ params: JSONValue?) throws -> Params {
  try JSONValueDecoder().decode(type, from: params ?? .object([:]))
}

func encodeResult<Value: Encodable>(_ value: Value) -> Result<ResponseResult, ResponseError> {
  if let encoded = value as? EncodedResult { return .success(encoded.result) }
  do {
    return .success(.value(try JSONValueEncoder().encode(value)))
  } catch {
    return .failure(.internalError("could not encode the result: \(error)"))
  }
}

/// A handler's error as the response error: its own `ResponseError`, else -32603.
func responseError(_ error: any Error) -> ResponseError {
  if let error = error as? ResponseError { return error }
  return .internalError("\(error)")
}
