import Foundation

/// Slows password guessing without becoming a way to lock people out.
///
/// Failures are counted twice: per client (its address) and per account. After a few free failures
/// each further one doubles the wait before the next try, up to a ceiling; nothing is ever a hard
/// lock. A client that has signed in to an account before (same address, or the device cookie of a
/// page sign-in) is not held back by the account's count, so guesses from elsewhere cannot keep the
/// owner out. Memory is bounded by design: names that are not accounts, clients and known-good pairs
/// live in fixed-size tables with expiring entries; accounts are bounded by the accounts table.
actor LoginThrottle {
    struct Policy: Sendable {
        var freeFailuresPerAccount = 5
        var freeFailuresPerClient = 20
        var firstDelay: TimeInterval = 1
        var maxDelay: TimeInterval = 15 * 60
        /// A count is forgotten this long after its last failure.
        var memory: TimeInterval = 24 * 3600
        /// A successful sign-in vouches for its client this long.
        var knownGoodFor: TimeInterval = 90 * 24 * 3600
        /// Entries of each bounded table.
        var capacity = 10_000
    }

    /// Who a sign-in tries to be: an existing account, or a name no account has (counted apart, so
    /// that spraying invented names can neither grow memory nor push real accounts' counts out).
    enum Subject: Hashable, Sendable {
        case account(Int64)
        case unknown(String)
    }

    /// Where a sign-in comes from: the address, and the device cookie of earlier page sign-ins.
    struct Client: Sendable {
        var address: String
        var device: String?
    }

    struct Count: Sendable {
        var failures: Int
        var last: Date
    }

    let policy: Policy
    private var clients: BoundedTable<String, Count>
    private var unknownNames: BoundedTable<String, Count>
    private var accounts: [Int64: Count] = [:]
    private var knownGood: BoundedTable<String, Date>

    init(policy: Policy = Policy()) {
        self.policy = policy
        clients = BoundedTable(capacity: policy.capacity)
        unknownNames = BoundedTable(capacity: policy.capacity)
        knownGood = BoundedTable(capacity: policy.capacity)
    }

    /// Seconds to wait before this client may try this subject again; nil when it may try now.
    func wait(client: Client, subject: Subject, now: Date = Date()) -> TimeInterval? {
        var longest: TimeInterval = 0
        if let count = clients[client.address] {
            longest = max(longest, remaining(count, free: policy.freeFailuresPerClient, now: now))
        }
        if !isKnownGood(client, subject, now: now), let count = self.count(subject) {
            longest = max(longest, remaining(count, free: policy.freeFailuresPerAccount, now: now))
        }
        return longest > 0 ? longest.rounded(.up) : nil
    }

    /// Records a failure; true when it is the one that starts holding the subject back, so that the
    /// caller records the lockout once rather than every refused try.
    @discardableResult
    func failed(client: Client, subject: Subject, now: Date = Date()) -> Bool {
        let memory = policy.memory
        let isExpired: (Count) -> Bool = { now.timeIntervalSince($0.last) > memory }
        var byClient = clients[client.address].map { fresh($0, now: now) } ?? Count(failures: 0, last: now)
        byClient.failures += 1
        byClient.last = now
        clients.set(client.address, byClient, now: now, expired: isExpired)
        var bySubject = count(subject).map { fresh($0, now: now) } ?? Count(failures: 0, last: now)
        bySubject.failures += 1
        bySubject.last = now
        switch subject {
        case .account(let id): accounts[id] = bySubject
        case .unknown(let name): unknownNames.set(name, bySubject, now: now, expired: isExpired)
        }
        return bySubject.failures == policy.freeFailuresPerAccount || byClient.failures == policy.freeFailuresPerClient
    }

    /// A right password: the account's count starts again and the client is vouched for.
    func succeeded(client: Client, accountId: Int64, now: Date = Date()) {
        accounts[accountId] = nil
        let horizon = policy.knownGoodFor
        for key in Self.knownGoodKeys(client, accountId) {
            knownGood.set(key, now, now: now, expired: { now.timeIntervalSince($0) > horizon })
        }
    }

    /// How many entries each bounded table holds (for tests and the bench).
    var tableSizes: (clients: Int, unknownNames: Int, knownGood: Int) { (clients.count, unknownNames.count, knownGood.count) }

    private func count(_ subject: Subject) -> Count? {
        switch subject {
        case .account(let id): accounts[id]
        case .unknown(let name): unknownNames[name]
        }
    }

    private func isKnownGood(_ client: Client, _ subject: Subject, now: Date) -> Bool {
        guard case .account(let id) = subject else { return false }
        return Self.knownGoodKeys(client, id).contains { key in
            knownGood[key].map { now.timeIntervalSince($0) <= policy.knownGoodFor } ?? false
        }
    }

    private static func knownGoodKeys(_ client: Client, _ accountId: Int64) -> [String] {
        ["\(accountId)|a:\(client.address)"] + (client.device.map { ["\(accountId)|d:\($0)"] } ?? [])
    }

    private func expired(_ count: Count, now: Date) -> Bool { now.timeIntervalSince(count.last) > policy.memory }

    /// A count past its memory starts from nothing.
    private func fresh(_ count: Count, now: Date) -> Count { expired(count, now: now) ? Count(failures: 0, last: now) : count }

    private func remaining(_ count: Count, free: Int, now: Date) -> TimeInterval {
        let count = fresh(count, now: now)
        guard count.failures >= free else { return 0 }
        let delay = min(policy.firstDelay * pow(2, Double(min(count.failures - free, 40))), policy.maxDelay)
        return max(0, count.last.addingTimeInterval(delay).timeIntervalSince(now))
    }
}

/// A dictionary of at most `capacity` entries: when full, expired entries go first, then the
/// entry written longest ago. Writes are O(1) until the table is full, then O(capacity).
struct BoundedTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private var entries: [Key: (value: Value, written: Date)] = [:]
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    var count: Int { entries.count }

    subscript(_ key: Key) -> Value? { entries[key]?.value }

    mutating func set(_ key: Key, _ value: Value, now: Date, expired: (Value) -> Bool) {
        if entries[key] == nil, entries.count >= capacity {
            entries = entries.filter { !expired($0.value.value) }
            if entries.count >= capacity, let oldest = entries.min(by: { $0.value.written < $1.value.written })?.key {
                entries[oldest] = nil
            }
        }
        entries[key] = (value, now)
    }
}
