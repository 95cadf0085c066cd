import NIOCore

/// Translates between frames and the connection state machine, and matches responses to requests
/// by stream id. It makes no decisions of its own: the state machine does.
final class CQLChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = CQLFrame
    typealias OutboundIn = CQLRequestContext
    typealias OutboundOut = ByteBuffer

    private var machine: CQLConnectionStateMachine
    private var streams = CQLStreamIDs()
    private var waiting: [Int16: Waiting] = [:]
    /// Requests that found every stream id in use.
    private var queued = CircularBuffer<CQLRequestContext>()
    private var flushScheduled = false
    private var unflushed = 0
    static let flushEvery = 64
    private var sweep: RepeatedTask?
    /// Send OPTIONS when nothing was read for `interval`; close when it is not answered within
    /// `timeout`.
    private let heartbeat: (interval: TimeAmount, timeout: TimeAmount)?
    private var lastRead = NIODeadline.now()
    private var heartbeatInFlight: (stream: Int16, deadline: NIODeadline)?
    private let connected: EventLoopPromise<[String: [String]]>
    private let closeReason: CQLCloseReason
    private let onEvent: @Sendable (CQLEvent) -> Void

    init(
        machine: CQLConnectionStateMachine, connected: EventLoopPromise<[String: [String]]>,
        closeReason: CQLCloseReason,
        heartbeat: (interval: TimeAmount, timeout: TimeAmount)?,
        onEvent: @escaping @Sendable (CQLEvent) -> Void
    ) {
        self.machine = machine
        self.closeReason = closeReason
        self.heartbeat = heartbeat
        self.connected = connected
        self.onEvent = onEvent
    }

    func channelActive(context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        sweep = context.eventLoop.scheduleRepeatedTask(initialDelay: Self.sweepInterval, delay: Self.sweepInterval) {
            _ in
            let (handler, context) = loopBound.value
            handler.failExpired()
            handler.checkHeartbeat(context: context)
        }
        perform(machine.channelActive(), context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        sweep?.cancel()
        perform(machine.channelInactive(), context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A TLS failure (an untrusted certificate), a reset: say what it was.
        let reason = (error as? CQLProtocolError).map(CQLConnectionError.protocolViolation) ?? .transport("\(error)")
        perform(.closeWithError(reason), context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastRead = .now()
        let frame = unwrapInboundIn(data)
        let action: CQLConnectionStateMachine.Action
        do throws(CQLProtocolError) {
            var body = try frame.plainBody(compressionNegotiated: machine.negotiatedCompression)
            _ = try CQLFrameBody.stripPrefixes(of: &body, flags: frame.header.flags)
            let response = try CQLResponse.read(opcode: frame.header.opcode, body: &body)
            action = machine.received(frame.header, response)
        } catch {
            action = machine.receivedMalformed(error)
        }
        perform(action, context: context)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        guard machine.isReady else {
            // CQLConnection fails the request when its write fails; fail it here only otherwise.
            if let promise {
                promise.fail(CQLConnectionError.closed)
            } else {
                request.promise.fail(CQLConnectionError.closed)
            }
            return
        }
        guard let stream = streams.acquire() else {
            queued.append(request)
            promise?.succeed(())
            return
        }
        send(request, on: stream, context: context, promise: promise)
    }

    private func send(
        _ request: CQLRequestContext, on stream: Int16, context: ChannelHandlerContext, promise: EventLoopPromise<Void>?
    ) {
        waiting[stream] = Waiting(
            promise: request.promise, deadline: request.timeout.map { .now() + $0 }, timeout: request.timeout)
        write(frame(request.request, stream: stream, context: context), promise: promise, context: context)
    }

    /// Writes a frame and flushes every `flushEvery` frames, else at the end of the tick.
    private func write(_ frame: ByteBuffer, promise: EventLoopPromise<Void>?, context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(frame), promise: promise)
        unflushed += 1
        if unflushed >= Self.flushEvery {
            // Many requests in one tick: send these now so the server can start on them.
            unflushed = 0
            context.flush()
        } else {
            flushSoon(context: context)
        }
    }

    /// The request's frame, encoded straight into one buffer (compressed once STARTUP asked for
    /// LZ4 and was answered).
    private func frame(_ request: CQLRequest, stream: Int16, context: ChannelHandlerContext) -> ByteBuffer {
        var buffer = context.channel.allocator.buffer(capacity: 128)
        request.writeFrame(stream: stream, compressed: machine.compressesRequests, to: &buffer)
        return buffer
    }

    /// Flushes once the event loop has run what it is running: requests written in the same tick
    /// (a burst of responses each sending the next request) leave in one system call.
    private func flushSoon(context: ChannelHandlerContext) {
        guard !flushScheduled else { return }
        flushScheduled = true
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let (handler, context) = loopBound.value
            handler.flushScheduled = false
            if handler.unflushed > 0 {
                handler.unflushed = 0
                context.flush()
            }
        }
    }

    /// Fails requests past their deadline but keeps their stream ids in use: a late response must
    /// not be taken for the answer to a newer request on a reused id. One sweep per interval costs
    /// less than a timer per request, at the price of firing up to an interval late.
    private func failExpired() {
        let now = NIODeadline.now()
        for (stream, entry) in waiting {
            guard let deadline = entry.deadline, deadline <= now, let promise = entry.promise else { continue }
            waiting[stream] = Waiting(promise: nil, deadline: nil, timeout: nil)
            promise.fail(CQLConnectionError.requestTimedOut(entry.timeout ?? .zero))
        }
    }

    static let sweepInterval = TimeAmount.milliseconds(50)

    /// An idle connection sends OPTIONS; one that does not answer within the timeout is dead
    /// (a peer gone without a FIN, a stuck node) and is closed, failing what waits on it.
    private func checkHeartbeat(context: ChannelHandlerContext) {
        guard let heartbeat, machine.isReady else { return }
        let now = NIODeadline.now()
        if let (_, deadline) = heartbeatInFlight {
            if now > deadline { perform(.closeWithError(.heartbeatTimedOut(heartbeat.timeout)), context: context) }
            return
        }
        guard now - lastRead >= heartbeat.interval, let stream = streams.acquire() else { return }
        heartbeatInFlight = (stream, now + heartbeat.timeout)
        // No promise: the answer is dropped when it arrives, after clearing heartbeatInFlight.
        waiting[stream] = Waiting(promise: nil, deadline: nil, timeout: nil)
        write(frame(.options, stream: stream, context: context), promise: nil, context: context)
    }

    /// A request in flight: its promise (nil once it timed out) and when it times out.
    private struct Waiting {
        var promise: EventLoopPromise<CQLResponse>?
        var deadline: NIODeadline?
        var timeout: TimeAmount?
    }

    private func perform(_ action: CQLConnectionStateMachine.Action, context: ChannelHandlerContext) {
        switch action {
        case .sendHandshake(let request):
            context.writeAndFlush(wrapOutboundOut(frame(request, stream: 0, context: context)), promise: nil)
        case .connected(let supported):
            connected.succeed(supported)
        case .deliver(let response, let stream):
            if heartbeatInFlight?.stream == stream { heartbeatInFlight = nil }
            guard let entry = waiting.removeValue(forKey: stream) else {
                perform(
                    .closeWithError(.unexpectedResponse("a response on stream \(stream), which has no request")),
                    context: context)
                return
            }
            streams.release(stream)
            // A request that timed out keeps its stream until the late answer arrives, which is
            // dropped here.
            entry.promise?.succeed(response)
            if let request = queued.popFirst() {
                if let next = streams.acquire() {
                    send(request, on: next, context: context, promise: nil)
                } else {
                    queued.prepend(request)
                }
            }
        case .event(let event):
            onEvent(event)
        case .closeWithError(let error):
            closeReason.record(error)
            connected.fail(error)
            for entry in waiting.values {
                entry.promise?.fail(error)
            }
            waiting = [:]
            while let request = queued.popFirst() { request.promise.fail(error) }
            context.close(promise: nil)
        case .none:
            break
        }
    }
}

/// A request, the promise its response completes, and how long to wait for it.
struct CQLRequestContext {
    let request: CQLRequest
    let promise: EventLoopPromise<CQLResponse>
    let timeout: TimeAmount?
}
