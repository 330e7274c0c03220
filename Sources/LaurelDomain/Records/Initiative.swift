/// An initiative or research work (sáng kiến, đề tài khoa học) and the level its effect was recognised at.
public struct Initiative: Codable, Sendable, Equatable {
    public struct Author: Codable, Sendable, Equatable {
        public var personId: Int64
        public var share: Int
        public var fullName: String?

        public init(personId: Int64, share: Int, fullName: String? = nil) {
            self.personId = personId
            self.share = share
            self.fullName = fullName
        }
    }

    public var id: Int64
    public var title: String
    public var year: Int
    public var level: InitiativeLevel
    public var decisionNumber: String?
    public var unitId: Int64
    public var authors: [Author]

    public init(id: Int64, title: String, year: Int, level: InitiativeLevel, decisionNumber: String?, unitId: Int64, authors: [Author]) {
        self.id = id
        self.title = title
        self.year = year
        self.level = level
        self.decisionNumber = decisionNumber
        self.unitId = unitId
        self.authors = authors
    }
}

/// A validated initiative to write.
public struct InitiativeDraft: Sendable, Equatable {
    public var title: String
    public var year: Int
    public var level: InitiativeLevel
    public var decisionNumber: String?
    public var authors: [Initiative.Author]

    public init(title: String, year: Int, level: InitiativeLevel, decisionNumber: String?, authors: [Initiative.Author]) {
        self.title = title
        self.year = year
        self.level = level
        self.decisionNumber = decisionNumber
        self.authors = authors
    }
}

/// One year of a record as the record page shows it.
public struct RecordYear: Codable, Sendable, Equatable {
    public var year: Int
    public var rating: Rating?
    public var discipline: Discipline?
    public var notes: String?
    public var initiatives: [Initiative]
    public var awards: [AwardRecord]

    public init(
        year: Int, rating: Rating? = nil, discipline: Discipline? = nil, notes: String? = nil,
        initiatives: [Initiative] = [], awards: [AwardRecord] = []
    ) {
        self.year = year
        self.rating = rating
        self.discipline = discipline
        self.notes = notes
        self.initiatives = initiatives
        self.awards = awards
    }

    /// Years newest first, each with what happened in it.
    public static func timeline(assessments: [Assessment], initiatives: [Initiative], awards: [AwardRecord]) -> [RecordYear] {
        var years: [Int: RecordYear] = [:]
        for a in assessments {
            years[a.year, default: RecordYear(year: a.year)].rating = a.rating
            years[a.year, default: RecordYear(year: a.year)].discipline = a.discipline
            years[a.year, default: RecordYear(year: a.year)].notes = a.notes
        }
        for i in initiatives { years[i.year, default: RecordYear(year: i.year)].initiatives.append(i) }
        for w in awards { years[w.year, default: RecordYear(year: w.year)].awards.append(w) }
        return years.values.sorted { $0.year > $1.year }
    }
}
