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
    private var sweep: RepeatedTask?
    private let connected: EventLoopPromise<[String: [String]]>
    private let onEvent: @Sendable (CQLEvent) -> Void

    init(
        machine: CQLConnectionStateMachine, connected: EventLoopPromise<[String: [String]]>,
        onEvent: @escaping @Sendable (CQLEvent) -> Void
    ) {
        self.machine = machine
        self.connected = connected
        self.onEvent = onEvent
    }

    func channelActive(context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        sweep = context.eventLoop.scheduleRepeatedTask(initialDelay: Self.sweepInterval, delay: Self.sweepInterval) {
            _ in loopBound.value.failExpired()
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
        let reason = (error as? CQLProtocolError).map(CQLConnectionError.protocolViolation) ?? .closed
        perform(.closeWithError(reason), context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var frame = unwrapInboundIn(data)
        let action: CQLConnectionStateMachine.Action
        do {
            if frame.header.flags.contains(.compression) {
                throw CQLProtocolError.malformed("a compressed frame on a connection without compression")
            }
            _ = try CQLFrameBody.stripPrefixes(of: &frame.body, flags: frame.header.flags)
            let response = try CQLResponse.read(opcode: frame.header.opcode, body: &frame.body)
            action = machine.received(frame.header, response)
        } catch let error as CQLProtocolError {
            action = machine.receivedMalformed(error)
        } catch {
            action = machine.receivedMalformed(.malformed("\(error)"))
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
        context.write(wrapOutboundOut(Self.frame(request.request, stream: stream, context: context)), promise: promise)
        flushSoon(context: context)
    }

    /// The request's frame, encoded straight into one buffer.
    private static func frame(_ request: CQLRequest, stream: Int16, context: ChannelHandlerContext) -> ByteBuffer {
        var buffer = context.channel.allocator.buffer(capacity: 128)
        request.writeFrame(stream: stream, to: &buffer)
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
            context.flush()
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

    /// A request in flight: its promise (nil once it timed out) and when it times out.
    private struct Waiting {
        var promise: EventLoopPromise<CQLResponse>?
        var deadline: NIODeadline?
        var timeout: TimeAmount?
    }

    private func perform(_ action: CQLConnectionStateMachine.Action, context: ChannelHandlerContext) {
        switch action {
        case .sendHandshake(let request):
            context.writeAndFlush(wrapOutboundOut(Self.frame(request, stream: 0, context: context)), promise: nil)
        case .connected(let supported):
            connected.succeed(supported)
        case .deliver(let response, let stream):
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
