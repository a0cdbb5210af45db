#!/usr/bin/python3
# lic-smtp-sink.py: an SMTP server for tests that writes each message it receives to a folder.
#
# Usage: lic-smtp-sink.py PORT FOLDER
#
# PORT 0 picks a free port; once listening, the sink prints the port as the first line of its
# stdout. Each message becomes one file in FOLDER, named so that names sort in the order the
# messages arrived: an "X-Envelope-From:" and an "X-Envelope-To:" line with the SMTP envelope,
# then the message as it was received. A file is written under a hidden name first and then
# renamed, so a reader never sees half a message. SIGTERM stops the sink.
#
# Run it with /usr/bin/python3: Debian's aiosmtpd is installed for that Python.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import asyncio
import itertools
import os
import signal
import sys
import time

from aiosmtpd.smtp import SMTP


class FolderHandler:
    def __init__(self, folder):
        self.folder = folder
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        name = "%020d-%d-%06d.eml" % (time.time_ns(), os.getpid(), next(self.counter))
        hidden = os.path.join(self.folder, "." + name)
        with open(hidden, "wb") as out:
            out.write(b"X-Envelope-From: %s\r\n" % envelope.mail_from.encode())
            out.write(b"X-Envelope-To: %s\r\n" % ", ".join(envelope.rcpt_tos).encode())
            out.write(envelope.original_content)
        os.rename(hidden, os.path.join(self.folder, name))
        return "250 Message accepted"


async def main(port, folder):
    loop = asyncio.get_running_loop()
    handler = FolderHandler(folder)
    server = await loop.create_server(lambda: SMTP(handler, hostname="sink.test"),
                                      "127.0.0.1", port)
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, stop.set_result, None)
    print(server.sockets[0].getsockname()[1], flush=True)
    await stop
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
