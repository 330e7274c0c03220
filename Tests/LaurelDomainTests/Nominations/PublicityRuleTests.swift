import LaurelDomain
import Testing

@Suite("Nominations: publicity before the vote")
struct PublicityRuleTests {
    let rule = PublicityRule.standard
    let calendar = WorkingCalendar.standardVietnam
    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func onlyThePresidentsAwardsArePublished() {
        #expect(rule.applies(to: .president))
        #expect(!rule.applies(to: .primeMinister) && !rule.applies(to: .grassroots))
    }

    @Test func tenWorkingDaysOverWeekends() {
        // Published Tuesday 26 Nov 2024 (the MoIT example): 27 Nov … 10 Dec, vote from 11 Dec.
        let published = Self.date("2024-11-26")
        #expect(rule.periodEnd(publishedOn: published, calendar: calendar) == Self.date("2024-12-10"))
        #expect(rule.earliestMeeting(publishedOn: published, calendar: calendar) == Self.date("2024-12-11"))
        #expect(!rule.canVote(publishedOn: published, meetingOn: Self.date("2024-12-10"), calendar: calendar))
        #expect(rule.canVote(publishedOn: published, meetingOn: Self.date("2024-12-11"), calendar: calendar))
        #expect(!rule.canVote(publishedOn: published, meetingOn: published, calendar: calendar))
    }

    @Test func tetDoesNotCount() {
        // Published Monday 9 Feb 2026: four working days before Tết, six after it.
        let published = Self.date("2026-02-09")
        #expect(rule.periodEnd(publishedOn: published, calendar: calendar) == Self.date("2026-03-02"))
        #expect(!rule.canVote(publishedOn: published, meetingOn: Self.date("2026-02-23"), calendar: calendar))
        #expect(!rule.canVote(publishedOn: published, meetingOn: Self.date("2026-03-02"), calendar: calendar))
        #expect(rule.canVote(publishedOn: published, meetingOn: Self.date("2026-03-03"), calendar: calendar))
    }

    @Test func aPublishedSaturdayCountsFromMonday() {
        let saturday = Self.date("2026-03-07")
        #expect(rule.periodEnd(publishedOn: saturday, calendar: calendar) == Self.date("2026-03-20"))
        #expect(rule.earliestMeeting(publishedOn: saturday, calendar: calendar) == Self.date("2026-03-21"))
    }
}
