import NIOCore

/// A server-pushed EVENT (stream -1) for a connection that REGISTERed for it.
public enum CQLEvent: Sendable, Hashable {
    /// NEW_NODE or REMOVED_NODE, with the node's native-protocol address.
    case topologyChange(String, address: [UInt8], port: Int32)
    /// UP or DOWN.
    case statusChange(String, address: [UInt8], port: Int32)
    case schemaChange(CQLSchemaChange)

    public static func read(from buffer: inout ByteBuffer) throws(CQLProtocolError) -> CQLEvent {
        let type = try buffer.readCQLString("event type")
        switch type {
        case "TOPOLOGY_CHANGE", "STATUS_CHANGE":
            let change = try buffer.readCQLString("\(type) change")
            let (address, port) = try buffer.readCQLInet("\(type) address")
            return type == "TOPOLOGY_CHANGE"
                ? .topologyChange(change, address: address, port: port)
                : .statusChange(change, address: address, port: port)
        case "SCHEMA_CHANGE":
            return .schemaChange(try CQLSchemaChange.read(from: &buffer))
        default:
            throw .malformed("unknown event type \(type)")
        }
    }

    public func write(to buffer: inout ByteBuffer) {
        switch self {
        case .topologyChange(let change, let address, let port), .statusChange(let change, let address, let port):
            if case .topologyChange = self {
                buffer.writeCQLString("TOPOLOGY_CHANGE")
            } else {
                buffer.writeCQLString("STATUS_CHANGE")
            }
            buffer.writeCQLString(change)
            buffer.writeInteger(UInt8(truncatingIfNeeded: address.count))
            buffer.writeBytes(address)
            buffer.writeInteger(port)
        case .schemaChange(let change):
            buffer.writeCQLString("SCHEMA_CHANGE")
            change.write(to: &buffer)
        }
    }
}
