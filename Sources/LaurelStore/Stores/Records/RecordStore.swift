import Foundation
import LaurelDomain
import SQLKit

/// The record of a person or a unit: every year with its rating, discipline, initiatives and awards.
public struct RecordStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    public struct Record: Sendable {
        public var name: String
        public var years: [RecordYear]
    }

    public func record(of subject: RecordSubject, as identity: Identity) async throws -> Record {
        try await database.read { db in
            let scoped = try await RecordScope.resolve(db, subject, identity: identity)
            let years = RecordYear.timeline(
                assessments: try await AssessmentStore.of(db, subject),
                initiatives: try await InitiativeStore.of(db, subject),
                awards: try await AwardStore.of(db, subject))
            return Record(name: scoped.name, years: years)
        }
    }
}
