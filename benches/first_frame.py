#!/usr/bin/env python3
"""Time to first frame of the storyline TUI in a pseudo-terminal.

Spawns BINARY [ARGS...] on a fresh pty of COLSxROWS, timestamps (from just before fork):
  first  - the first byte the program writes (terminal set-up: alternate screen etc.)
  sig    - the read that contains the main screen's 'Entities' pane title
  frame  - the last byte of that first burst of output (the burst ends after 150 ms quiet)
then sends 'q' and waits for exit (time to exit after 'q' is reported too).
Answers a cursor-position query (ESC[6n) if the program sends one.

usage: ptyframe.py [--runs N] [--size 200x60] BINARY [ARGS...]
prints one line per run and a median summary (ms).
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time


def one(argv, cols, rows):
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        # child: size the terminal before exec so the first frame has the final size
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(os.environ, TERM="xterm-256color")
        env.pop("NO_COLOR", None)
        os.execve(argv[0], argv, env)
    first = sig = last = None
    buf = b""
    deadline = t0 + 20
    while True:
        timeout = 0.15 if sig is not None else max(0.0, deadline - time.perf_counter())
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        now = time.perf_counter()
        if first is None:
            first = now
        buf += data
        if b"\x1b[6n" in data:
            os.write(fd, b"\x1b[1;1R")
        if sig is None and b"Entities" in buf:
            sig = now
        last = now
    tq = time.perf_counter()
    os.write(fd, b"q")
    # drain until exit
    while True:
        r, _, _ = select.select([fd], [], [], 2.0)
        if not r:
            break
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    _, status = os.waitpid(pid, 0)
    texit = time.perf_counter()
    os.close(fd)
    ms = lambda t: None if t is None else (t - t0) * 1000
    return dict(first=ms(first), sig=ms(sig), frame=ms(last), bytes=len(buf),
                exit_after_q=(texit - tq) * 1000, status=status)


def main():
    args = sys.argv[1:]
    runs, cols, rows = 10, 200, 60
    while args and args[0].startswith("--"):
        if args[0] == "--runs":
            runs = int(args[1]); args = args[2:]
        elif args[0] == "--size":
            cols, rows = map(int, args[1].split("x")); args = args[2:]
        else:
            raise SystemExit(f"unknown option {args[0]}")
    results = []
    for i in range(runs):
        r = one(args, cols, rows)
        results.append(r)
        print(f"run {i+1}: first byte {r['first']:.1f} ms, 'Entities' seen {r['sig']:.1f} ms, "
              f"first frame complete {r['frame']:.1f} ms, {r['bytes']} bytes, "
              f"exit {r['exit_after_q']:.1f} ms after q, status {r['status']}", flush=True)
    for k in ("first", "sig", "frame"):
        v = [r[k] for r in results if r[k] is not None]
        print(f"{k}: median {statistics.median(v):.1f} ms, min {min(v):.1f}, max {max(v):.1f} (n={len(v)})")


main()
