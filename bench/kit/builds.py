"""Write a synthetic site to disk and build it with ``mkdocs build`` in a subprocess, timed."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def write(path: Path, text: str) -> None:
    """Write ``text`` to ``path``, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@dataclass
class Timing:
    """One build: wall seconds, CPU seconds (user + system) and peak memory in MB."""

    wall: float
    cpu: float
    peak_mb: float


def build_environment() -> dict[str, str]:
    """The environment a benchmark builds in: as an author's, with compiled modules kept.

    Some machines set PYTHONDONTWRITEBYTECODE; then every build would compile the
    project's own modules again (installed packages come compiled), which an author's
    machine does once.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def build_command(config: Path, site_dir: Path) -> list[str]:
    """``mkdocs build`` of ``config`` into ``site_dir``, quietly."""
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)]


def build(config: Path, site_dir: Path) -> Timing:
    """Build one site from scratch and time it. Exits when the build fails or reports errors."""
    shutil.rmtree(site_dir, ignore_errors=True)
    command = build_command(config, site_dir)
    env = build_environment()
    # Peak memory: os.wait4() returns the resource usage of exactly the child it reaps
    # (plus its own waited-for children; mkdocs starts none). A before/after delta of
    # getrusage(RUSAGE_CHILDREN).ru_maxrss is no use: that is the maximum over *all* children
    # so far, so a build smaller than an earlier one shows no growth at all. Unlike
    # /usr/bin/time -v (GNU only, output to parse) or a runpy wrapper, wait4 needs no extra
    # program and runs mkdocs exactly as `python -m mkdocs` does. Same for CPU time.
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # so Popen never waits again
        output.seek(0)
        said = output.read().decode("utf-8", errors="replace").rstrip()
    if child.returncode != 0:
        sys.exit(f"error: mkdocs build of {config} failed ({child.returncode}):\n{said}")
    if "ERROR" in said:
        sys.exit(f"error: mkdocs build of {config} reported errors:\n{said}")
    if said:
        print(f"  (mkdocs said:)\n{said}")
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    peak_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Timing(wall, usage.ru_utime + usage.ru_stime, peak_mb)


def medians(timings: list[Timing]) -> Timing:
    """Median wall and CPU time of ``timings``, and the highest peak memory."""
    return Timing(
        wall=statistics.median(t.wall for t in timings),
        cpu=statistics.median(t.cpu for t in timings),
        peak_mb=max(t.peak_mb for t in timings),
    )


_INSTRUCTIONS = re.compile(r"I\s+refs:\s+([\d,]+)")


def count_instructions(config: Path, site_dir: Path) -> int | None:
    """Instructions one build executes, counted by valgrind (None when it is not installed).

    Unlike time, the count hardly moves with other load on the machine: the figure to
    compare on a shared machine. A build runs about 50 times slower under valgrind.
    """
    if shutil.which("valgrind") is None:
        return None
    shutil.rmtree(site_dir, ignore_errors=True)
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no"]
    command += ["--cachegrind-out-file=/dev/null", *build_command(config, site_dir)]
    done = subprocess.run(command, env=build_environment(), capture_output=True, text=True)
    found = _INSTRUCTIONS.search(done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"error: counting the build of {config} failed:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))
