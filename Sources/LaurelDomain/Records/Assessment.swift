/// A yearly assessment (đánh giá, xếp loại) of a person or a unit: one per subject and year.
public struct Assessment: Codable, Sendable, Equatable {
    public var id: Int64
    public var personId: Int64?
    public var unitId: Int64?
    public var year: Int
    public var rating: Rating
    public var discipline: Discipline?
    public var notes: String?

    public init(id: Int64, personId: Int64?, unitId: Int64?, year: Int, rating: Rating, discipline: Discipline?, notes: String?) {
        self.id = id
        self.personId = personId
        self.unitId = unitId
        self.year = year
        self.rating = rating
        self.discipline = discipline
        self.notes = notes
    }
}

/// A validated assessment to write.
public struct AssessmentDraft: Sendable, Equatable {
    public var year: Int
    public var rating: Rating
    public var discipline: Discipline?
    public var notes: String?

    public init(year: Int, rating: Rating, discipline: Discipline?, notes: String?) {
        self.year = year
        self.rating = rating
        self.discipline = discipline
        self.notes = notes
    }
}
