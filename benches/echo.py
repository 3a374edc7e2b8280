#!/usr/bin/env python3
"""The latency floor: a minimal raw client-server-API echo bot (stdlib only, long-poll /sync).

Usage: echo.py HOMESERVER USER PASSWORD
Joins every room it is invited to and answers each m.text message with an m.notice of the same
body. No encryption, no SDK: what any bot must at least spend on the homeserver round trip.
"""
import json
import sys
import urllib.parse
import urllib.request
import uuid

hs, user, password = sys.argv[1:4]


def call(method, path, token=None, body=None, timeout=60):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(hs + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.load(r)


login = call("POST", "/_matrix/client/v3/login", body={
    "type": "m.login.password",
    "identifier": {"type": "m.id.user", "user": user},
    "password": password,
})
token, me = login["access_token"], login["user_id"]
since = call("GET", "/_matrix/client/v3/sync?timeout=0", token)["next_batch"]
print("ready", flush=True)
while True:
    sync = call("GET", "/_matrix/client/v3/sync?timeout=30000&since=" + since, token)
    since = sync["next_batch"]
    for room_id in sync.get("rooms", {}).get("invite", {}):
        call("POST", "/_matrix/client/v3/join/" + urllib.parse.quote(room_id), token, {})
    for room_id, room in sync.get("rooms", {}).get("join", {}).items():
        for ev in room.get("timeline", {}).get("events", []):
            content = ev.get("content", {})
            if ev.get("type") == "m.room.message" and ev.get("sender") != me and content.get("msgtype") == "m.text":
                path = "/_matrix/client/v3/rooms/%s/send/m.room.message/%s" % (
                    urllib.parse.quote(room_id), uuid.uuid4().hex)
                call("PUT", path, token, {"msgtype": "m.notice", "body": content["body"]})
