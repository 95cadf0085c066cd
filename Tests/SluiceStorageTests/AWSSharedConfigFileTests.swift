import Foundation
import SluiceStorage
import Testing

@Suite("Parsing the AWS shared credentials and config files")
struct AWSSharedConfigFileTests {
    @Test("credentials file: bare section names, comments, whitespace, case-insensitive keys")
    func credentialsFile() throws {
        let text = """
            # a comment
            ; another comment
            [default]
            aws_access_key_id=AKIADEFAULT
            AWS_Secret_Access_Key   =  secret/with+chars#kept  

            [ work ]
            aws_access_key_id = AKIAWORK
            aws_secret_access_key = work-secret
            aws_session_token = work-token
            [profile odd]
            aws_access_key_id = AKIAODD
            """
        let file = try AWSSharedConfigFile(parsing: text, kind: .credentials, file: "credentials")
        #expect(file.profiles["default"]?.values["aws_access_key_id"] == "AKIADEFAULT")
        // Values are verbatim: a `#` inside a secret is not a comment.
        #expect(file.profiles["default"]?.values["aws_secret_access_key"] == "secret/with+chars#kept")
        #expect(
            file.profiles["work"]?.values == [
                "aws_access_key_id": "AKIAWORK", "aws_secret_access_key": "work-secret",
                "aws_session_token": "work-token",
            ])
        // The credentials file has no `profile` prefix: this section is named "profile odd".
        #expect(file.profiles["odd"] == nil)
        #expect(file.profiles["profile odd"]?.values["aws_access_key_id"] == "AKIAODD")
    }

    @Test("config file: [profile x] and [default] are profiles, bare [x] and other kinds are not")
    func configFile() throws {
        let text = """
            [default]
            region = eu-west-1
            [profile dev]
            region = us-west-2
            services = dev-services
            s3 =
              addressing_style = path
              max_concurrent_requests = 4
            output = json
            [dev]
            region = ap-south-1
            [sso-session corp]
            sso_region = us-east-1
            [services dev-services]
            s3 =
              endpoint_url = http://localhost:9000
            [default] ; repeated: adds to the first
            endpoint_url = http://example.test
            """
        let file = try AWSSharedConfigFile(parsing: text, kind: .config, file: "config")
        #expect(file.profiles["default"]?.values == ["region": "eu-west-1", "endpoint_url": "http://example.test"])
        #expect(
            file.profiles["dev"]?.values == [
                "region": "us-west-2", "services": "dev-services", "s3": "", "output": "json",
            ])
        #expect(
            file.profiles["dev"]?.subsections["s3"] == ["addressing_style": "path", "max_concurrent_requests": "4"])
        #expect(file.profiles.keys.sorted() == ["default", "dev"])
        #expect(file.services["dev-services"]?.subsections["s3"]?["endpoint_url"] == "http://localhost:9000")
    }

    @Test("a line that is not a setting is an error naming the file and line, not quoting it")
    func malformedLine() throws {
        let text = "[default]\naws_access_key_id = AKIA\nwJalrXUtnFEMIsecretonitsown\n"
        let error = try #require(throws: AWSCredentialError.self) {
            try AWSSharedConfigFile(parsing: text, kind: .credentials, file: "/home/u/.aws/credentials")
        }
        #expect(
            error == .invalidSharedFile(file: "/home/u/.aws/credentials", line: 3, reason: "expected 'key = value'"))
        #expect(!error.description.contains("wJalrXUtnFEMIsecretonitsown"))
        #expect(error.category == .usage)
    }

    @Test("settings before any section header, and unclosed headers, are errors")
    func missingHeader() throws {
        #expect(
            throws: AWSCredentialError.invalidSharedFile(
                file: "c", line: 1, reason: "a setting before the first section header")
        ) {
            try AWSSharedConfigFile(parsing: "region = us-east-1\n[default]\n", kind: .config, file: "c")
        }
        #expect(
            throws: AWSCredentialError.invalidSharedFile(file: "c", line: 2, reason: "a section header without ']'")
        ) {
            try AWSSharedConfigFile(parsing: "\n[default\n", kind: .config, file: "c")
        }
    }
}
