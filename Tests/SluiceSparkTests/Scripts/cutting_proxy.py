"""A TCP proxy that breaks connections mid-stream, for the reattach tests.

Usage: cutting_proxy.py HOST PORT CUT_AFTER CUTS

Listens on a free port of 127.0.0.1 (printed as `PORT n` on the first line) and forwards
each connection to HOST:PORT. Each of the first CUTS connections is aborted (both sides, with a
reset) once CUT_AFTER bytes have gone from the server to the client; later connections are
forwarded whole. Runs until killed.
"""
import asyncio
import sys

host, port, cut_after, cuts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
connections = 0


async def pipe(reader, writer, limit):
    sent = 0
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                return
            if limit is not None and sent + len(data) >= limit:
                writer.write(data[: limit - sent])
                await writer.drain()
                return
            writer.write(data)
            await writer.drain()
            sent += len(data)
    except (ConnectionError, OSError):
        return


async def handle(client_reader, client_writer):
    global connections
    connections += 1
    limit = cut_after if connections <= cuts else None
    try:
        server_reader, server_writer = await asyncio.open_connection(host, port)
    except OSError:
        client_writer.transport.abort()
        return
    up = asyncio.create_task(pipe(client_reader, server_writer, None))
    down = asyncio.create_task(pipe(server_reader, client_writer, limit))
    await asyncio.wait([up, down], return_when=asyncio.FIRST_COMPLETED)
    for task in (up, down):
        task.cancel()
    for writer in (client_writer, server_writer):
        writer.transport.abort()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
