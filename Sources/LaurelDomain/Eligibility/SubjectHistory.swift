/// What the eligibility engine reads about one subject (person, collective or household):
/// its yearly assessments, its initiatives and its award register. The JSON shape is the
/// `subjects[]` item of docs/check-input.md.
public struct SubjectHistory: Hashable, Sendable, Codable {
    public var id: String
    public var kind: SubjectKind
    public var staffCategory: StaffCategory?
    public var holdsManagementPost: Bool
    /// One entry per assessed year; a year that is absent has no rating.
    public var years: [Year]
    public var awards: [Award]
    /// Members of a collective, each an individual history.
    public var members: [SubjectHistory]
    /// Head count of a collective (the denominator of member shares); defaults to `members.count`.
    public var memberCount: Int?

    public init(
        id: String, kind: SubjectKind, staffCategory: StaffCategory? = nil, holdsManagementPost: Bool = false,
        years: [Year] = [], awards: [Award] = [], members: [SubjectHistory] = [], memberCount: Int? = nil
    ) {
        self.id = id
        self.kind = kind
        self.staffCategory = staffCategory
        self.holdsManagementPost = holdsManagementPost
        self.years = years
        self.awards = awards
        self.members = members
        self.memberCount = memberCount
    }

    /// The number of members shares are counted against.
    public var headCount: Int { memberCount ?? members.count }

    /// The last year of the record (assessments and awards), if any.
    public var lastYear: Int? {
        (years.map(\.year) + awards.map(\.year)).max()
    }

    public func year(_ year: Int) -> Year? { years.first { $0.year == year } }

    /// A yearly assessment (đánh giá, xếp loại).
    public struct Year: Hashable, Sendable, Codable {
        public var year: Int
        public var rating: Rating
        public var discipline: Discipline?
        public var initiatives: [Initiative]

        public init(year: Int, rating: Rating, discipline: Discipline? = nil, initiatives: [Initiative] = []) {
            self.year = year
            self.rating = rating
            self.discipline = discipline
            self.initiatives = initiatives
        }
    }

    /// An initiative (sáng kiến) or S&T work, recognised at a level in its year.
    public struct Initiative: Hashable, Sendable, Codable {
        public var id: String?
        public var level: InitiativeLevel
        /// The code this initiative was already counted for; it counts for no other code
        /// (CV 5007/BNV-TĐKT: an initiative is used once).
        public var usedFor: String?

        public init(id: String? = nil, level: InitiativeLevel, usedFor: String? = nil) {
            self.id = id
            self.level = level
            self.usedFor = usedFor
        }
    }

    /// A row of the award register.
    public struct Award: Hashable, Sendable, Codable {
        public var code: String
        public var year: Int
        public var status: AwardStatus
        public var kind: AwardKind
        public var decisionNumber: String?

        public init(
            code: String, year: Int, status: AwardStatus = .valid, kind: AwardKind = .merit,
            decisionNumber: String? = nil
        ) {
            self.code = code
            self.year = year
            self.status = status
            self.kind = kind
            self.decisionNumber = decisionNumber
        }

        /// Whether this row can stand as "holds X in Y" in a chain: valid, and not đột xuất or
        /// chuyên đề (Decree 152/2025 Art 4(2)).
        public var feedsChains: Bool {
            status == .valid && kind != .adHoc && kind != .thematic
        }
    }
}
