import Testing

@testable import SluiceJobs

@Suite("${ENV} interpolation")
struct EnvironmentInterpolationTests {
    let interpolation = EnvironmentInterpolation(environment: ["USER": "ada", "EMPTY": "", "PORT": "9042"])

    @Test func expandsVariables() {
        #expect(interpolation.expand("${USER}@host:${PORT}") == .success("ada@host:9042"))
        #expect(interpolation.expand("no variables, $5 and $HOME stay") == .success("no variables, $5 and $HOME stay"))
    }

    @Test func defaults() {
        #expect(interpolation.expand("${MISSING:-fallback}") == .success("fallback"))
        #expect(interpolation.expand("${EMPTY:-fallback}") == .success("fallback"))
        #expect(interpolation.expand("${USER:-fallback}") == .success("ada"))
    }

    @Test func escapes() {
        #expect(interpolation.expand("literal $${USER}") == .success("literal ${USER}"))
    }

    @Test func failures() {
        #expect(interpolation.expand("${MISSING}") == .failure(.missingVariable("MISSING")))
        #expect(interpolation.expand("${USER") == .failure(.malformed("${USER")))
        #expect(interpolation.expand("${1X}") == .failure(.malformed("${1X}")))
    }
}
