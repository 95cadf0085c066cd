import SluiceCQL
import Testing

/// The handshake and request rules, without a socket.
@Suite struct ConnectionStateMachineTests {
    func header(version: UInt8 = 4, stream: Int16 = 0, _ opcode: CQLOpcode) -> CQLFrameHeader {
        CQLFrameHeader(version: version, isResponse: true, stream: stream, opcode: opcode, bodyLength: 0)
    }

    func receive(_ machine: inout CQLConnectionStateMachine, _ response: CQLResponse, stream: Int16 = 0)
        -> CQLConnectionStateMachine.Action
    {
        machine.received(header(stream: stream, response.opcode), response)
    }

    let supported: [String: [String]] = ["CQL_VERSION": ["3.4.7"], "COMPRESSION": ["lz4", "snappy"]]

    @Test func optionsThenStartupThenReady() {
        var machine = CQLConnectionStateMachine(startupOptions: ["COMPRESSION": "lz4", "DRIVER_NAME": "sluice"])
        #expect(machine.channelActive() == .sendHandshake(.options))
        #expect(
            receive(&machine, .supported(supported))
                == .sendHandshake(.startup(["CQL_VERSION": "3.4.7", "DRIVER_NAME": "sluice"])))
        #expect(!machine.isReady)
        #expect(receive(&machine, .ready) == .connected(supported: supported))
        #expect(machine.isReady)
        #expect(receive(&machine, .result(.void), stream: 17) == .deliver(.result(.void), stream: 17))
        let event = CQLEvent.statusChange("DOWN", address: [10, 0, 0, 2], port: 9042)
        #expect(receive(&machine, .event(event), stream: -1) == .event(event))
        #expect(machine.channelInactive() == .closeWithError(.closed))
        #expect(machine.channelInactive() == .none)
    }

    /// LZ4 is asked for only when configured and offered (a COMPRESSION startup option is not
    /// enough), and requests go compressed only once the server answered STARTUP.
    @Test func compressionIsAskedForWhenWantedAndOffered() {
        var unasked = CQLConnectionStateMachine(startupOptions: ["COMPRESSION": "lz4"])
        _ = unasked.channelActive()
        #expect(receive(&unasked, .supported(supported)) == .sendHandshake(.startup(["CQL_VERSION": "3.4.7"])))
        #expect(!unasked.negotiatedCompression)

        var unoffered = CQLConnectionStateMachine(compression: true)
        _ = unoffered.channelActive()
        #expect(
            receive(&unoffered, .supported(["CQL_VERSION": ["3.4.7"], "COMPRESSION": ["snappy"]]))
                == .sendHandshake(.startup(["CQL_VERSION": "3.4.7"])))

        var machine = CQLConnectionStateMachine(credentials: .init(username: "u", password: "p"), compression: true)
        _ = machine.channelActive()
        #expect(
            receive(&machine, .supported(supported))
                == .sendHandshake(.startup(["CQL_VERSION": "3.4.7", "COMPRESSION": "lz4"])))
        #expect(machine.negotiatedCompression && !machine.compressesRequests)
        _ = receive(&machine, .authenticate("org.apache.cassandra.auth.PasswordAuthenticator"))
        #expect(machine.compressesRequests)
    }

    @Test func passwordAuthenticationSendsAPlainToken() {
        var machine = CQLConnectionStateMachine(credentials: .init(username: "u", password: "p"))
        _ = machine.channelActive()
        _ = receive(&machine, .supported([:]))
        #expect(
            receive(&machine, .authenticate("org.apache.cassandra.auth.PasswordAuthenticator"))
                == .sendHandshake(.authResponse([0, 0x75, 0, 0x70])))
        #expect(
            receive(&machine, .authChallenge(Array("PLAIN-START".utf8)))
                == .sendHandshake(.authResponse([0, 0x75, 0, 0x70])))
        #expect(receive(&machine, .authSuccess(nil)) == .connected(supported: [:]))
    }

    @Test func loginProblemsFailTheConnection() {
        var anonymous = CQLConnectionStateMachine()
        _ = anonymous.channelActive()
        _ = receive(&anonymous, .supported([:]))
        #expect(
            receive(&anonymous, .authenticate("PasswordAuthenticator"))
                == .closeWithError(.authenticationRequired(authenticator: "PasswordAuthenticator")))

        var wrong = CQLConnectionStateMachine(credentials: .init(username: "u", password: "bad"))
        _ = wrong.channelActive()
        _ = receive(&wrong, .supported([:]))
        _ = receive(&wrong, .authenticate("PasswordAuthenticator"))
        let refusal = CQLServerError(
            code: CQLServerError.Code.badCredentials, message: "Provided username u and/or password are incorrect")
        #expect(receive(&wrong, .error(refusal)) == .closeWithError(.authenticationFailed(refusal.message)))
        #expect(!wrong.isReady)
    }

    /// Cassandra 1.2 answers a v4 OPTIONS with a v1 ERROR; the reply's version is reported.
    @Test func anOlderServerIsNamedByItsVersion() {
        var machine = CQLConnectionStateMachine()
        _ = machine.channelActive()
        let error = CQLServerError(
            code: CQLServerError.Code.protocolError, message: "Invalid or unsupported protocol version: 4")
        let action = machine.received(header(version: 1, .error), .error(error))
        #expect(action == .closeWithError(.unsupportedProtocolVersion(server: 1, message: error.message)))
        #expect(
            "\(CQLConnectionError.unsupportedProtocolVersion(server: 1, message: "x"))".contains("protocol v1 only"))
        // ScyllaDB answers in v4 but refuses in the message.
        var scylla = CQLConnectionStateMachine()
        _ = scylla.channelActive()
        #expect(
            receive(&scylla, .error(error))
                == .closeWithError(.unsupportedProtocolVersion(server: nil, message: error.message)))
    }

    @Test func outOfOrderHandshakeMessagesAndGarbageClose() {
        var machine = CQLConnectionStateMachine()
        _ = machine.channelActive()
        #expect(receive(&machine, .ready) == .closeWithError(.unexpectedResponse("ready instead of SUPPORTED")))
        var garbled = CQLConnectionStateMachine()
        _ = garbled.channelActive()
        #expect(garbled.receivedMalformed(.truncated("x")) == .closeWithError(.protocolViolation(.truncated("x"))))
    }

    @Test func streamIDsAreReusedAndBounded() {
        var ids = CQLStreamIDs(limit: 3)
        #expect(ids.acquire() == 0)
        #expect(ids.acquire() == 1)
        #expect(ids.acquire() == 2)
        #expect(ids.acquire() == nil)
        #expect(ids.inFlight == 3)
        ids.release(1)
        #expect(ids.acquire() == 1)
        #expect(CQLStreamIDs().inFlight == 0)
    }
}
