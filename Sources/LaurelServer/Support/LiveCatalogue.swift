import Foundation
import LaurelDomain
import LaurelStore
import Synchronization

/// The award catalogue as the database holds it — the standard entries and those an administrator
/// added — and the eligibility engine built on it, kept in memory: every form, filter and rule reads
/// this one, so a code added through `POST /catalogue` can be registered, proposed and planned at
/// once. Reloaded when an entry is added here, and at most `maxAge` after another instance added one.
final class LiveCatalogue: Sendable {
    struct Snapshot: Sendable {
        let catalogue: AwardCatalogue
        let engine: EligibilityEngine
        let loaded: ContinuousClock.Instant
    }

    private let store: CatalogueStore
    private let state = Mutex<Snapshot?>(nil)
    let maxAge: Duration

    init(store: CatalogueStore, maxAge: Duration = .seconds(30)) {
        self.store = store
        self.maxAge = maxAge
    }

    /// The catalogue now: from memory, or read again when it is older than `maxAge` or invalidated.
    func current() async throws -> Snapshot {
        if let snapshot = state.withLock({ $0 }), ContinuousClock.now - snapshot.loaded < maxAge { return snapshot }
        let catalogue = try await store.catalogue()
        // The compiled engine's settings are valid; an added entry brings no rule that could clash.
        let engine = (try? EligibilityEngine(catalogue: catalogue)) ?? .standard
        let snapshot = Snapshot(catalogue: catalogue, engine: engine, loaded: .now)
        state.withLock { $0 = snapshot }
        return snapshot
    }

    func invalidate() { state.withLock { $0 = nil } }
}
