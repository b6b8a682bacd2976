import Testing
import VM
@testable import Runtime

/// The datetime module's pure functions. Formatting is tested through `TimeLayout` with
/// explicit zones; expectations were produced by Go's `time` package.
@Suite struct BuiltinsDatetimeTests {
    /// 2015-09-25 05:16:03 UTC, a Friday.
    let time: Int64 = 1_443_158_163

    @Test func goStringInUTC() {
        #expect(TimeLayout.goString(time, zone: .utc) == "2015-09-25 05:16:03 +0000 UTC")
        #expect(TimeLayout.goString(0, zone: .utc) == "1970-01-01 00:00:00 +0000 UTC")
    }

    @Test func everyLayoutToken() {
        let layout = "2006-01-02T15:04:05Z07:00 Mon Monday Jan January 1 01 2 _2 02 002 __2 15 3 03 4 04 5 05 PM pm MST "
            + "-0700 -07:00 -07 .000 .999 ,000 Z0700"
        #expect(TimeLayout.format(time, layout: layout, zone: .utc)
            == "2015-09-25T05:16:03Z Fri Friday Sep September 9 09 25 25 25 268 268 05 5 05 16 16 3 03 AM am UTC "
            + "+0000 +00:00 +00 .000  ,000 Z")
        #expect(TimeLayout.format(time, layout: "2006", zone: .utc) == "2015")
        #expect(TimeLayout.format(0, layout: "3:04PM _2 Jan 06 Janx Monx", zone: .utc) == "12:00AM  1 Jan 70 Janx Monx")
        #expect(TimeLayout.format(time, layout: "_2006 __2 002 .00000000000", zone: .utc) == "_2015 268 268 .000000000")
        #expect(TimeLayout.format(time, layout: "no tokens here!", zone: .utc) == "no tokens here!")
        #expect(TimeLayout.format(time, layout: "", zone: .utc) == "")
    }

    @Test func zonesFromTheTzDatabase() throws {
        let berlin = try #require(ZoneInfo(identifier: "Europe/Berlin"), "no tz database")
        #expect(TimeLayout.goString(time, zone: berlin) == "2015-09-25 07:16:03 +0200 CEST")
        #expect(TimeLayout.format(1_453_158_163, layout: "Mon Jan _2 15:04:05 MST 2006 -07:00:00 Z07:00", zone: berlin)
            == "Tue Jan 19 00:02:43 CET 2016 +01:00:00 +01:00")
        #expect(TimeLayout.goString(2_553_158_163, zone: berlin) == "2050-11-27 11:36:03 +0100 CET")  // past the table
        let saoPaulo = try #require(ZoneInfo(identifier: "America/Sao_Paulo"))
        #expect(TimeLayout.goString(time, zone: saoPaulo) == "2015-09-25 02:16:03 -0300 -03")
        let kolkata = try #require(ZoneInfo(identifier: "Asia/Kolkata"))
        #expect(TimeLayout.format(time, layout: "Mon, 02 Jan 2006 15:04:05 -0700", zone: kolkata)
            == "Fri, 25 Sep 2015 10:46:03 +0530")
    }

    @Test func tzFooterNames() {
        #expect(TZif.footerNames(Array("CET-1CEST,M3.5.0,M10.5.0/3".utf8)).map { [$0.standard, $0.daylight] } == ["CET", "CEST"])
        #expect(TZif.footerNames(Array("<-03>3".utf8)).map { [$0.standard, $0.daylight] } == ["-03", ""])
        #expect(TZif.footerNames(Array("IST-5:30".utf8)).map { [$0.standard, $0.daylight] } == ["IST", ""])
        #expect(TZif.footerNames([]) == nil)
    }

    @Test func calendarArithmetic() {
        #expect(TimeLayout.civil(days: 0) == (1970, 1, 1))
        #expect(TimeLayout.civil(days: 11016) == (2000, 2, 29))
        #expect(TimeLayout.civil(days: -1) == (1969, 12, 31))
        #expect(TimeLayout.days(year: 2000, month: 3, day: 1) == 11017)
    }

    @Test func builtinsUseTheLocalZone() throws {
        let local = TimeLayout.Fields(seconds: time, zone: .local)
        #expect(try call("datetime.hour", .int(time)) == .int(Int64(local.hour)))
        #expect(try call("datetime.print", .int(time)) == .str(TimeLayout.goString(time, zone: .local)))
        #expect(try call("datetime.format", .int(time), .str("2006-01-02")) == .str(TimeLayout.format(time, layout: "2006-01-02", zone: .local)))
        let weekday = TimeLayout.format(time, layout: "Monday", zone: .local).lowercased()
        #expect(try call("datetime.weekday", .int(time)) == .str(weekday))
        #expect(try call("datetime.weekday", .int(0)) == .str(TimeLayout.format(0, layout: "Monday", zone: .local).lowercased()))
    }

    @Test func extremeTimesDoNotTrap() {
        #expect(TimeLayout.goString(Int64.max, zone: .utc).hasSuffix(" +0000 UTC"))
        #expect(TimeLayout.format(253_402_300_799, layout: "2006-01-02 15:04:05", zone: .utc) == "9999-12-31 23:59:59")
    }

    @Test func negativeTimesAreFatal() {
        for name in ["datetime.hour", "datetime.weekday", "datetime.print"] {
            expectFailure(name, [.int(-1)], "epoch delta must be positive")
        }
        expectFailure("datetime.format", [.int(-1), .str("2006")], "epoch delta must be positive")
    }
}
