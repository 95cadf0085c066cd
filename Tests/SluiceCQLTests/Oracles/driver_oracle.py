"""The DataStax Python driver (cassandra-driver) as an oracle for SluiceCQL's encodings.

`encode` prints one JSON object per line, {"name": ..., "hex": ...}: request bodies and values
serialized by the driver for protocol v4; requests also carry "frame" and "frame_lz4", the whole
frame on stream 5 from the driver's ProtocolHandler, plain and with the driver's LZ4 compressor. `decode` reads lines "name opcode hex" from stdin (bodies
SluiceCQL wrote) and prints {"name": ..., "decoded": ...}: what the driver reads from them.
"""
import datetime
import decimal
import io
import json
import sys
import uuid

from cassandra import ConsistencyLevel
from cassandra.connection import locally_supported_compressions
from cassandra.cqltypes import lookup_casstype
from cassandra.protocol import (AuthResponseMessage, BatchMessage, ErrorMessage, ExecuteMessage,
                                OptionsMessage, ProtocolHandler, QueryMessage, RegisterMessage,
                                ResultMessage, StartupMessage, _UNSET_VALUE)
from cassandra.query import BatchType
from cassandra.util import Date, Duration, Time

V4 = 4


def body(message):
    buffer = io.BytesIO()
    message.send_body(buffer, V4)
    return buffer.getvalue()


def serialized(cass_type, value):
    return lookup_casstype(cass_type).serialize(value, V4)


def encode():
    messages = {
        "startup": StartupMessage("3.0.0", {"COMPRESSION": "lz4"}),
        "options": OptionsMessage(),
        "query_simple": QueryMessage("SELECT * FROM ks.t", ConsistencyLevel.ONE),
        "query_full": QueryMessage("SELECT * FROM t", ConsistencyLevel.LOCAL_QUORUM,
                                   serial_consistency_level=ConsistencyLevel.LOCAL_SERIAL, fetch_size=5000,
                                   paging_state=b"\x01\x02", timestamp=1764000000000000),
        "execute": ExecuteMessage(b"\xab\xcd", [b"\x00\x00\x00\x01", None, _UNSET_VALUE], ConsistencyLevel.QUORUM,
                                  fetch_size=100),
        "batch": BatchMessage(BatchType.UNLOGGED, [(True, b"\x07\x07", [b"\x01", _UNSET_VALUE]),
                                                   (False, "DELETE FROM t", [])],
                              ConsistencyLevel.QUORUM, serial_consistency_level=ConsistencyLevel.SERIAL, timestamp=42),
        "register": RegisterMessage(["TOPOLOGY_CHANGE", "STATUS_CHANGE", "SCHEMA_CHANGE"]),
        "auth_response": AuthResponseMessage(b"\x00u\x00p"),
    }
    values = {
        "int": ("Int32Type", 258), "bigint": ("LongType", -1), "smallint": ("ShortType", -2),
        "tinyint": ("ByteType", -2), "boolean": ("BooleanType", True), "float": ("FloatType", 1.5),
        "double": ("DoubleType", -2.0), "ascii": ("AsciiType", "abc"), "text": ("UTF8Type", "é"),
        "blob": ("BytesType", b"\x00\xff"),
        "varint_0": ("IntegerType", 0), "varint_128": ("IntegerType", 128), "varint_-129": ("IntegerType", -129),
        "varint_big": ("IntegerType", 2 ** 100), "varint_-big": ("IntegerType", -(2 ** 100)),
        "decimal": ("DecimalType", decimal.Decimal("-123.45")),
        "date_epoch": ("SimpleDateType", Date(0)), "date_before": ("SimpleDateType", Date(-1)),
        "date_far": ("SimpleDateType", Date(2932896)),
        "time": ("TimeType", Time(1000)),
        "timestamp": ("TimestampType", datetime.datetime(2026, 11, 24, 16, 0, tzinfo=datetime.timezone.utc)),
        "uuid": ("UUIDType", uuid.UUID("12345678-1234-5678-1234-567812345678")),
        "inet4": ("InetAddressType", "127.0.0.1"), "inet6": ("InetAddressType", "::1"),
        "duration": ("DurationType", Duration(1, 2, 3)),
        "duration_second": ("DurationType", Duration(0, 0, 1000000000)),
        "duration_negative": ("DurationType", Duration(-1, -1, -1)),
        "list": ("ListType(Int32Type)", [1, 2, 3]),
        "set": ("SetType(UTF8Type)", ["a", "b"]),
        "map": ("MapType(UTF8Type, LongType)", {"a": 1, "b": -1}),
        "tuple": ("TupleType(Int32Type, UTF8Type, BooleanType)", (7, None, True)),
    }
    lz4_compress = locally_supported_compressions["lz4"][0]
    for name, message in messages.items():
        frame = ProtocolHandler.encode_message(message, 5, V4, None, False)
        compressed = ProtocolHandler.encode_message(message, 5, V4, lz4_compress, False)
        print(json.dumps({"name": name, "hex": body(message).hex(), "frame": frame.hex(),
                          "frame_lz4": compressed.hex()}))
    for name, (cass_type, value) in values.items():
        print(json.dumps({"name": "value_" + name, "hex": serialized(cass_type, value).hex()}))


def plain(value):
    """JSON for what the driver decoded: bytes as hex, other values as their str()."""
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).hex()
    if value is None or isinstance(value, (bool, int)):
        return value
    return str(value)


def decode():
    for line in sys.stdin:
        name, opcode, payload = line.split()
        data = io.BytesIO(bytes.fromhex(payload))
        if int(opcode) == ErrorMessage.opcode:
            error = ErrorMessage.recv_body(data, V4, {}, None, None)
            decoded = {"class": type(error).__name__, "code": error.code, "message": error.message,
                       "info": plain(error.info)}
        else:
            result = ResultMessage.recv_body(data, V4, {}, None, None)
            decoded = {"kind": result.kind}
            if result.column_names is not None:
                decoded["columns"] = plain(result.column_names)
                decoded["types"] = [t.cql_parameterized_type() for t in result.column_types]
            if result.parsed_rows is not None:
                decoded["rows"] = plain(result.parsed_rows)
            if result.paging_state is not None:
                decoded["paging_state"] = plain(result.paging_state)
            if result.query_id is not None:
                decoded["id"] = plain(result.query_id)
                decoded["pk_indexes"] = plain(result.bind_metadata and result.pk_indexes)
                decoded["bind_columns"] = [c.name for c in result.bind_metadata]
        print(json.dumps({"name": name, "decoded": decoded}, sort_keys=True))


if __name__ == "__main__":
    {"encode": encode, "decode": decode}[sys.argv[1]]()
