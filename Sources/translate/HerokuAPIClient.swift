import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP answer: status, headers (names lower-cased) and body.
struct HTTPAnswer: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data
}

/// Why a request to Heroku gave no usable answer. Never carries the token.
enum HerokuAPIFailure: Error, Equatable {
    case unauthorized(status: Int, path: String, message: String?)
    case notFound(path: String, message: String?)
    case rateLimited(path: String, attempts: Int)
    case serverError(status: Int, path: String, attempts: Int, message: String?)
    case timeout(path: String, seconds: Double)
    case unreachable(path: String, reason: String)
}

/// A read-only client for the Heroku Platform API (and the Scheduler dashboard's API, which takes the same token):
/// `Authorization: Bearer`, the `Accept` header the API versions on, `206` + `Next-Range` pagination (heroku/cli
/// `src/lib/utils/paginator.ts`), a pause when `RateLimit-Remaining` reaches 0, and bounded retries with backoff
/// on `429` and `503` (devcenter platform-api-reference, "Rate Limits"). The only network code in translate.
struct HerokuAPIClient {
    var baseURL: String
    var token: String
    var accept: String
    var timeout: Double
    var context: CommandContext
    /// Retries after the first attempt for 429 and 503.
    var maximumRetries = 3
    /// A list never has more pages than this (Heroku's pages hold up to 1,000 items).
    var maximumPages = 100

    /// Every page of `path` (one unless the API answers 206 with a `Next-Range`).
    func pages(_ path: String, range: String? = nil, followsPages: Bool = true) -> Result<[Data], HerokuAPIFailure> {
        var bodies: [Data] = []
        var nextRange = range
        for _ in 0..<maximumPages {
            switch send(path, range: nextRange) {
            case .failure(let failure):
                return .failure(failure)
            case .success(let answer):
                bodies.append(answer.body)
                guard followsPages, answer.status == 206, let next = answer.headers["next-range"], !next.isEmpty
                else { return .success(bodies) }
                nextRange = next
            }
        }
        return .success(bodies)
    }

    /// One request, retried on 429 and 503.
    func send(_ path: String, range: String?) -> Result<HTTPAnswer, HerokuAPIFailure> {
        var attempt = 0
        while true {
            if context.isStandardErrorTTY {
                context.writeProgress("translate: GET \(path)" + (attempt > 0 ? " (retry \(attempt))" : "") + "\n")
            }
            let answer: HTTPAnswer
            switch transport(path, range: range) {
            case .failure(let failure): return .failure(failure)
            case .success(let received): answer = received
            }
            if answer.headers["ratelimit-remaining"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) == 0 {
                // Heroku refills the budget gradually (about 75 requests a minute); wait instead of earning a 429.
                context.sleep(2)
            }
            switch answer.status {
            case 200..<300:
                return .success(answer)
            case 429, 503:
                guard attempt < maximumRetries else {
                    return .failure(answer.status == 429
                        ? .rateLimited(path: path, attempts: attempt + 1)
                        : .serverError(status: 503, path: path, attempts: attempt + 1, message: message(answer)))
                }
                let retryAfter = answer.headers["retry-after"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                context.sleep(min(max(retryAfter ?? Double(1 << attempt), 0), 60))
                attempt += 1
            case 401, 403:
                return .failure(.unauthorized(status: answer.status, path: path, message: message(answer)))
            case 404:
                return .failure(.notFound(path: path, message: message(answer)))
            default:
                return .failure(.serverError(
                    status: answer.status, path: path, attempts: attempt + 1, message: message(answer)))
            }
        }
    }

    /// Heroku's error body is `{"id": "...", "message": "..."}`; its message, with the token blanked out in case
    /// a proxy echoed the request back.
    func message(_ answer: HTTPAnswer) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any],
            let text = object["message"] as? String, !text.isEmpty
        else { return nil }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let scrubbed = token.isEmpty ? line : line.replacingOccurrences(of: token, with: "<token>")
        return scrubbed.count > 200 ? String(scrubbed.prefix(200)) + "..." : scrubbed
    }

    /// The request itself, through URLSession: no cookies, no cache, and no redirect (which could carry the
    /// token to another host); a 3xx is reported like any unexpected status.
    func transport(_ path: String, range: String?) -> Result<HTTPAnswer, HerokuAPIFailure> {
        guard let url = URL(string: baseURL + path) else {
            return .failure(.unreachable(path: path, reason: "'\(baseURL + path)' is not a URL"))
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        request.setValue(accept, forHTTPHeaderField: "Accept")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("translate/\(TranslateCLI.version)", forHTTPHeaderField: "User-Agent")
        if let range { request.setValue(range, forHTTPHeaderField: "Range") }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let box = AnswerBox()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            box.data = data
            box.response = response as? HTTPURLResponse
            box.error = error
            done.signal()
        }.resume()
        done.wait()
        if let error = box.error as? URLError {
            if error.code == .timedOut { return .failure(.timeout(path: path, seconds: timeout)) }
            return .failure(.unreachable(path: path, reason: error.localizedDescription))
        }
        if let error = box.error { return .failure(.unreachable(path: path, reason: "\(error)")) }
        guard let response = box.response else {
            return .failure(.unreachable(path: path, reason: "no HTTP answer"))
        }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return .success(HTTPAnswer(status: response.statusCode, headers: headers, body: box.data ?? Data()))
    }
}

/// Carries the completion handler's values back to the waiting thread (the semaphore orders the accesses).
private final class AnswerBox: @unchecked Sendable {
    var data: Data?
    var response: HTTPURLResponse?
    var error: Error?
}

/// Declines every redirect, so the `Authorization` header never follows one.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
