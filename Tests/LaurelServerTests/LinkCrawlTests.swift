import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelStore
import LaurelTestSupport
import Testing

/// Every link a page offers works for the account that sees it: each demo account crawls the demo
/// from its dashboard, following every same-site `href` (page links, exports, downloads, redirects),
/// and none may answer 4xx or 5xx. A page linking into `/api/v1` with the page's session is the
/// case this was written for (issue 11 point 1).
@Suite struct LinkCrawlTests {
    struct Broken: CustomStringConvertible {
        let status: Int, link: String, from: String
        var description: String { "\(status) \(link) (linked from \(from))" }
    }

    /// Links that sign out or switch the language end the crawl's session or change its pages.
    static func skipped(_ path: String) -> Bool {
        path.hasPrefix("/logout") || path.hasPrefix("/lang") || path.hasPrefix("/static/")
    }

    /// The link's route with ids and query values blanked: each route is visited a few times,
    /// not once per row of every list.
    static func shape(_ link: String) -> String {
        let parts = link.split(separator: "?", maxSplits: 1)
        let path = parts[0].split(separator: "/").map { $0.allSatisfy(\.isNumber) ? "{n}" : String($0) }.joined(separator: "/")
        let keys = parts.count > 1 ? parts[1].split(separator: "&").map { String($0.prefix { $0 != "=" }) }.sorted() : []
        return path + "?" + keys.joined(separator: "&")
    }

    /// Same-site links of a page, entities decoded.
    static func links(in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "href=\"") {
            let value = rest[range.upperBound...].prefix { $0 != "\"" }
            rest = rest[range.upperBound...]
            let link = value.replacingOccurrences(of: "&amp;", with: "&")
            if link.hasPrefix("/"), !link.hasPrefix("//") { found.append(String(link.split(separator: "#")[0])) }
        }
        return found
    }

    static func crawl(
        _ client: any TestClientProtocol, cookie: String, visitsPerShape: Int = 2, limit: Int = 400
    ) async throws -> (
        visited: Int, broken: [Broken]
    ) {
        var queue: [(link: String, from: String)] = [("/", "sign-in")]
        var seen: Set<String> = ["/"]
        var shapes: [String: Int] = [:]
        var broken: [Broken] = []
        var visited = 0
        while !queue.isEmpty, visited < limit {
            let (link, from) = queue.removeFirst()
            visited += 1
            var headers = HTTPFields()
            headers[.cookie] = cookie
            let (status, type, location, body) = try await client.execute(uri: link, method: .get, headers: headers, body: nil) {
                ($0.status, $0.headers[.contentType] ?? "", $0.headers[.location], String(buffer: $0.body))
            }
            if status.code >= 400 { broken.append(Broken(status: status.code, link: link, from: from)) }
            var next = type.hasPrefix("text/html") ? links(in: body) : []
            if let location, location.hasPrefix("/") { next.append(location) }
            for candidate in next where !skipped(candidate) && !seen.contains(candidate) {
                let shape = shape(candidate)
                guard shapes[shape, default: 0] < visitsPerShape else { continue }
                shapes[shape, default: 0] += 1
                seen.insert(candidate)
                queue.append((candidate, link))
            }
        }
        return (visited, broken)
    }

    /// On SQLite only: it tests the links the pages offer, which do not depend on the database.
    @Test("every link and download a page offers answers without a 4xx or 5xx, for every demo account")
    func everyOfferedLinkWorks() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            for account in DemoSeeder.accounts {
                let cookie = try await PageTests.signIn(client, account.username, account.password)
                let (visited, broken) = try await Self.crawl(client, cookie: cookie)
                #expect(visited > (account.role == .staff ? 2 : 20), "\(account.username) reached only \(visited) pages")
                #expect(broken.isEmpty, "\(account.username): \(broken.map(\.description).joined(separator: "; "))")
            }
        }
    }

    @Test("an API read takes the page's session and answers in its language; an API write does not take it")
    func apiReadsTakeTheSessionWritesDoNot() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let cookie = try await PageTests.signIn(client, "canbo.hanoi", "laurel-demo")
            var headers = HTTPFields()
            headers[.cookie] = cookie
            let read = try await client.execute(uri: "/api/v1/units", method: .get, headers: headers, body: nil) { $0.status }
            #expect(read == .ok)
            headers[.contentType] = "application/json"
            let write = try await client.execute(
                uri: "/api/v1/units", method: .post, headers: headers, body: ByteBuffer(string: #"{"code":"X","name":"X"}"#)
            ) { ($0.status, String(buffer: $0.body)) }
            #expect(write.0 == .unauthorized)
            var stale = HTTPFields()
            stale[.cookie] = "laurel_session=not-a-session; laurel_lang=vi"
            let refused = try await client.execute(uri: "/api/v1/units", method: .get, headers: stale, body: nil) {
                ($0.status, String(buffer: $0.body))
            }
            #expect(refused.0 == .unauthorized)
            #expect(refused.1.contains("Cần đăng nhập") || refused.1.contains("đăng nhập"), "\(refused.1)")
        }
    }
}
