import LaurelDomain
import LaurelStore

// The register's rows as the API shows them (schemas `Award`, `Initiative`, `Assessment`…): the
// API's own shapes, so a change to what is stored does not change the API unnoticed.

struct AwardResponse: APIResponseBody {
    let id: Int64, personId: Int64?, unitId: Int64?, code: String, year: Int, endYear: Int?, kind: AwardKind
    let decisionNumber: String?, decisionDate: String?, authority: String?, source: AwardSource, status: AwardStatus
    let statusReason: String?

    init(_ award: AwardRecord) {
        id = award.id
        personId = award.personId
        unitId = award.unitId
        code = award.code
        year = award.year
        endYear = award.endYear
        kind = award.kind
        decisionNumber = award.decisionNumber
        decisionDate = award.decisionDate
        authority = award.authority
        source = award.source
        status = award.status
        statusReason = award.statusReason
    }
}

struct AwardListItemResponse: APIResponseBody {
    let award: AwardResponse, subjectName: String, unitCode: String, birthDate: String?

    init(_ item: AwardListItem) {
        award = AwardResponse(item.award)
        subjectName = item.subjectName
        unitCode = item.unitCode
        birthDate = item.birthDate
    }
}

struct InitiativeResponse: APIResponseBody {
    struct Author: Encodable, Sendable {
        let personId: Int64, share: Int, fullName: String?
    }
    let id: Int64, title: String, year: Int, level: InitiativeLevel, decisionNumber: String?, unitId: Int64, authors: [Author]

    init(_ initiative: Initiative) {
        id = initiative.id
        title = initiative.title
        year = initiative.year
        level = initiative.level
        decisionNumber = initiative.decisionNumber
        unitId = initiative.unitId
        authors = initiative.authors.map { Author(personId: $0.personId, share: $0.share, fullName: $0.fullName) }
    }
}

struct AssessmentResponse: APIResponseBody {
    let id: Int64, personId: Int64?, unitId: Int64?, year: Int, rating: Rating, discipline: Discipline?, notes: String?

    init(_ assessment: Assessment) {
        id = assessment.id
        personId = assessment.personId
        unitId = assessment.unitId
        year = assessment.year
        rating = assessment.rating
        discipline = assessment.discipline
        notes = assessment.notes
    }
}

struct AssessmentListItemResponse: APIResponseBody {
    let assessment: AssessmentResponse, subjectName: String, unitCode: String, birthDate: String?

    init(_ item: AssessmentListItem) {
        assessment = AssessmentResponse(item.assessment)
        subjectName = item.subjectName
        unitCode = item.unitCode
        birthDate = item.birthDate
    }
}

/// A subject's record: one entry a year.
struct RecordResponse: APIResponseBody {
    struct Year: Encodable, Sendable {
        let year: Int, rating: Rating?, discipline: Discipline?, notes: String?
        let initiatives: [InitiativeResponse], awards: [AwardResponse]
    }
    let name: String
    let years: [Year]

    init(name: String, years: [RecordYear]) {
        self.name = name
        self.years = years.map {
            Year(
                year: $0.year, rating: $0.rating, discipline: $0.discipline, notes: $0.notes,
                initiatives: $0.initiatives.map(InitiativeResponse.init), awards: $0.awards.map(AwardResponse.init))
        }
    }
}
