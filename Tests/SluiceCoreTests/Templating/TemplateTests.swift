import Testing

@testable import SluiceCore

@Suite("Templates")
struct TemplateTests {
    let date = LogicalDate(CivilDate(year: 2026, month: 11, day: 20) ?? CivilDate(daysSinceEpoch: 0))

    @Test("Airflow's date variables render")
    func rendersDateVariables() throws {
        let template = try Template(
            "events/dt={{ ds }}/ {{ds_nodash}} {{  data_interval_start }} {{ data_interval_end }}"
        )
        #expect(
            try template.render(date.templateVariables)
                == "events/dt=2026-11-20/ 20261120 2026-11-20T00:00:00+00:00 2026-11-21T00:00:00+00:00"
        )
        #expect(template.variables == ["ds", "ds_nodash", "data_interval_start", "data_interval_end"])
    }

    @Test("text without placeholders is unchanged")
    func plainText() throws {
        #expect(try Template("SELECT 1 -- { not a placeholder }").render([:]) == "SELECT 1 -- { not a placeholder }")
    }

    @Test("bad placeholders are reported")
    func errors() throws {
        #expect(throws: TemplateError.unclosedPlaceholder(template: "a {{ ds")) { try Template("a {{ ds") }
        #expect(throws: TemplateError.invalidPlaceholder("ds | upper", template: "{{ ds | upper }}")) {
            try Template("{{ ds | upper }}")
        }
        let template = try Template("{{ dss }}")
        do {
            try template.validate(knownVariables: LogicalDate.templateVariableNames)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("unknown template variable \"dss\" (did you mean \"ds\"?)"))
        }
        #expect(throws: TemplateError.self) { try template.render(date.templateVariables) }
    }
}

@Suite("Logical dates")
struct LogicalDateTests {
    @Test("dates and Airflow timestamps parse to a UTC date")
    func parsing() throws {
        #expect(try LogicalDate(parsing: "2026-11-20").ds == "2026-11-20")
        #expect(try LogicalDate(parsing: "2026-11-20T00:00:00+00:00").ds == "2026-11-20")
        #expect(try LogicalDate(parsing: "2026-11-20T03:00:00Z").ds == "2026-11-20")
        #expect(try LogicalDate(parsing: "2026-11-20T23:30:00.123456-02:00").ds == "2026-11-21")
        #expect(try LogicalDate(parsing: "2026-11-20T01:00:00+02:00").ds == "2026-11-19")
        #expect(try LogicalDate(parsing: "2024-02-29").dsNodash == "20240229")
    }

    @Test(
        "invalid dates are usage errors naming the value",
        arguments: [
            "2026-02-30", "2026-13-01", "20261120", "2026-11-20T25:00:00Z", "tomorrow", "", "2026-11-20T00:00:00+0",
        ])
    func invalid(text: String) {
        #expect(throws: LogicalDateError(text: text)) { try LogicalDate(parsing: text) }
    }

    @Test("the data interval covers the day")
    func interval() throws {
        let date = try LogicalDate(parsing: "2026-12-31")
        #expect(date.dataIntervalStart == "2026-12-31T00:00:00+00:00")
        #expect(date.dataIntervalEnd == "2027-01-01T00:00:00+00:00")
    }

    @Test("civil dates convert to and from days since the epoch")
    func civilDates() {
        #expect(CivilDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(CivilDate(daysSinceEpoch: -1).description == "1969-12-31")
        #expect(CivilDate(year: 2000, month: 2, day: 29)?.daysSinceEpoch == 11_016)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }
}
