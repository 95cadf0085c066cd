import Testing

@testable import SluiceAirflow

@Suite struct QuotingTests {
    @Test func pythonStringsEscapeWhatPythonWouldMisread() {
        #expect(PythonLiteral.string("plain") == #""plain""#)
        #expect(PythonLiteral.string("a\"b\\c\nd") == #""a\"b\\c\nd""#)
        #expect(PythonLiteral.string("\u{1}é") == "\"\\u0001é\"")
        #expect(PythonLiteral.list(["x", "y"]) == #"["x", "y"]"#)
    }

    @Test func shellWordsAreQuotedOnlyWhenNeeded() {
        #expect(ShellWord.quoted("/opt/sluice/bin/sluice") == "/opt/sluice/bin/sluice")
        #expect(ShellWord.quoted("/data/my project") == "'/data/my project'")
        #expect(ShellWord.quoted("it's") == #"'it'\''s'"#)
        #expect(ShellWord.quoted("") == "''")
        #expect(ShellWord.quoted("$HOME") == "'$HOME'")
    }

    @Test func templateWordsKeepTheirBracesFromJinja() {
        #expect(ShellWord.templateWord("/data/{{x}}") == "{% raw %}'/data/{{x}}'{% endraw %}")
        #expect(ShellWord.templateWord("/data/{x}") == "'/data/{x}'")
    }
}
