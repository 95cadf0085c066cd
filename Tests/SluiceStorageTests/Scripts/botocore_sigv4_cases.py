"""Writes Fixtures/botocore-sigv4.json: requests signed by botocore's S3SigV4Auth, so the Swift
signer can be checked against it byte for byte on cases the AWS vectors lack (reserved characters
in queries, unicode and `=` in keys, empty and large bodies, session tokens).

Usage: .venv/bin/python Tests/SluiceStorageTests/Scripts/botocore_sigv4_cases.py
(botocore's version is pinned in scripts/requirements-test.txt and recorded in the file.)
"""
import datetime
import hashlib
import json
import os
from unittest import mock
from urllib.parse import quote

import botocore
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

NOW = datetime.datetime(2026, 11, 25, 12, 34, 56)
HOST = "127.0.0.1:8333"


def body_bytes(spec):
    if spec["kind"] == "empty":
        return b""
    if spec["kind"] == "text":
        return spec["value"].encode()
    return bytes((i * 31 + 7) % 251 for i in range(spec["count"]))


CASES = [
    ("list with reserved characters in the prefix and token", "GET", "/bucket",
     [["list-type", "2"], ["prefix", "events/dt=2026-11-20/a b+c&d"], ["delimiter", "/"],
      ["continuation-token", "1/abc+def==?x"]], {"kind": "empty"}, False),
    ("get a key with =, + and a space", "GET", "/bucket/events/dt=2026-11-20/part 0+1.parquet", [],
     {"kind": "empty"}, False),
    ("get a unicode key with a range", "GET", "/bucket/données/ü ñ 日本/😀.txt", [], {"kind": "empty"}, False),
    ("put with a text body and a session token", "PUT", "/bucket/lake/_SUCCESS", [],
     {"kind": "text", "value": "{\"parts\":[]}"}, True),
    ("put an empty body", "PUT", "/bucket/empty", [], {"kind": "empty"}, False),
    ("upload a 1 MiB part", "PUT", "/bucket/big/object.bin",
     [["partNumber", "3"], ["uploadId", "2~abc/def+ghi="]], {"kind": "pattern", "count": 1 << 20}, False),
    ("create a multipart upload", "POST", "/bucket/big/object.bin", [["uploads", ""]], {"kind": "empty"}, False),
    ("reserved characters in a key", "GET", "/bucket/odd/~!$&'()*,;@[]", [], {"kind": "empty"}, True),
]


def main():
    out = {"botocore": botocore.__version__, "timestamp": NOW.strftime("%Y%m%dT%H%M%SZ"), "region": "us-east-1",
           "host": HOST, "cases": []}
    for name, method, path, query, body, token in CASES:
        credentials = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                  "IQoJb3JpZ2luX2VjEXAMPLETOKEN+/=" if token else None)
        url = "http://" + HOST + quote(path, safe="/~")
        if query:
            url += "?" + "&".join(quote(k, safe="-_.~") + "=" + quote(v, safe="-_.~") for k, v in query)
        data = body_bytes(body)
        headers = {"Range": "bytes=0-99"} if "range" in name else {}
        request = AWSRequest(method=method, url=url, data=data, headers=headers)
        auth = botocore.auth.S3SigV4Auth(credentials, "s3", "us-east-1")
        with mock.patch("botocore.auth.get_current_datetime", return_value=NOW):
            request.context["timestamp"] = NOW.strftime("%Y%m%dT%H%M%SZ")
            auth._modify_request_before_signing(request)
            canonical = auth.canonical_request(request)
            string_to_sign = auth.string_to_sign(request, canonical)
            signature = auth.signature(string_to_sign, request)
        out["cases"].append({
            "name": name, "method": method, "path": path, "query": query,
            "headers": [[k, v] for k, v in headers.items()], "body": body, "sessionToken": token,
            "payloadHash": hashlib.sha256(data).hexdigest(),
            "canonicalRequest": canonical, "stringToSign": string_to_sign, "signature": signature,
        })
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "botocore-sigv4.json")
    with open(target, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
