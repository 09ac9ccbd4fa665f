# SPDX-License-Identifier: MIT
"""test/py harness: boot the real virtboot.bin in QEMU and drive its console.

Fixtures
  console     a booted virtboot at its prompt; markers shape the QEMU run:
                @pytest.mark.qemu_args("-m", "2G")    extra QEMU arguments
                @pytest.mark.requires("CMD_FDT")      skip unless CONFIG_CMD_FDT=y
                @pytest.mark.autoboot                 do not stop the countdown
                @pytest.mark.env("bootdelay=-1", "x=y")  fw_cfg opt/virtboot/env
                @pytest.mark.script("echo hi", ...)   fw_cfg opt/virtboot/script
  boot        a factory: boot(*qemu_args, prompt=True) -> Console, for tests
              that need several machines or a custom start.
              Console(env=..., script=...) and boot(..., env=..., script=...)
              take a list of lines (or one string of text), written to a
              file given to QEMU as -fw_cfg name=opt/virtboot/env,file=...
              (resp. opt/virtboot/script): newlines and commas are fine.

A Console fails the test on known bad output (an exception dump, a panic,
a second banner, an unexpected "Unknown command") unless the call allows it.
"""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time

import pexpect
import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("VIRTBOOT_BUILD", os.path.join(ROOT, "build"))
BIN = os.path.join(BUILD, "virtboot.bin")
QEMU = os.environ.get("QEMU", "qemu-system-aarch64")
PROMPT = "=> "
# QEMU's stdio keeps the tty's output processing on, so the loader's CR LF
# reaches us as CR CR LF: match any number of CRs before a LF.
PROMPT_RE = r"\r*\n" + re.escape(PROMPT)
BANNER_RE = r"virtboot \d{4}\.\d{2}\S* \("

BAD_PATTERNS = {
    "exception": r'"Synchronous Abort" handler|"SError" handler|"IRQ" handler|"FIQ" handler',
    "panic": r"virtboot panic",
    "banner": r"(?m)^" + BANNER_RE,
    "unknown": r"Unknown command '",
}


def read_config(path=os.path.join(BUILD, ".config")):
    config = {}
    try:
        with open(path) as f:
            for line in f:
                m = re.match(r"CONFIG_(\w+)=(.*)", line.strip())
                if m:
                    config[m.group(1)] = m.group(2).strip('"')
    except FileNotFoundError:
        pass
    return config


CONFIG = read_config()


def pytest_configure(config):
    config.addinivalue_line("markers", "qemu_args(*args): extra QEMU arguments")
    config.addinivalue_line("markers", "requires(*options): Kconfig options that must be y")
    config.addinivalue_line("markers", "autoboot: let the autoboot countdown run")
    config.addinivalue_line("markers", "env(*lines): name=value lines in fw_cfg opt/virtboot/env")
    config.addinivalue_line("markers", "script(*lines): shell lines in fw_cfg opt/virtboot/script")
    config.addinivalue_line("markers", "linux: boots a real Linux (slow)")


class CommandError(AssertionError):
    pass


class Console:
    """One QEMU running virtboot, driven through its serial console."""

    def __init__(self, qemu_args=(), stop_autoboot=True, prompt=True,
                 timeout=30, machine="virt", cpu="cortex-a57", memory="1G",
                 bios=BIN, env=None, script=None):
        self.tmp = tempfile.mkdtemp(prefix="virtboot-test-")
        self.monitor_path = os.path.join(self.tmp, "monitor.sock")
        self.args = [QEMU, "-M", machine, "-cpu", cpu, "-m", memory,
                     "-display", "none", "-nic", "none", "-bios", bios,
                     "-chardev", "stdio,id=con,signal=off",
                     "-serial", "chardev:con",
                     "-monitor", "unix:%s,server,nowait" % self.monitor_path]
        self.args += list(qemu_args)
        for name, lines in (("env", env), ("script", script)):
            if lines is not None:
                self.args += self.fw_cfg_file("opt/virtboot/" + name, lines)
        self.timeout = timeout
        self.log = []
        self.banners = 0
        self.child = pexpect.spawn(self.args[0], self.args[1:],
                                   encoding="utf-8", codec_errors="replace",
                                   timeout=timeout, echo=False)
        self.child.logfile_read = _Log(self.log)
        if prompt:
            self.wait_prompt(stop_autoboot=stop_autoboot)

    # --- the console -----------------------------------------------------
    def expect(self, pattern, timeout=None):
        """Wait for a regex; returns the text before it, with lines ending
        in a plain LF."""
        self.child.expect(pattern, timeout=timeout or self.timeout)
        return normalize(self.child.before)

    def read_prompt(self, timeout=None):
        """Wait for the next prompt; returns the text before it."""
        return self.expect(PROMPT_RE, timeout)

    def wait_prompt(self, stop_autoboot=True, timeout=None):
        """From reset: the banner, then the countdown (stopped) or prompt."""
        self.child.expect(BANNER_RE, timeout=timeout or self.timeout)
        self.banners += 1
        before = self.banner_text = self.child.before
        pats = ["Hit any key to stop autoboot", PROMPT_RE]
        i = self.child.expect(pats, timeout=timeout or self.timeout)
        if i == 0 and stop_autoboot:
            self.child.send(" ")
            self.child.expect(PROMPT_RE, timeout=timeout or self.timeout)
        return before

    def fw_cfg_file(self, name, content):
        """QEMU arguments that add an fw_cfg file: content is bytes, a
        str, or a list of lines."""
        if isinstance(content, (list, tuple)):
            content = "".join(line + "\n" for line in content)
        if isinstance(content, str):
            content = content.encode()
        path = os.path.join(self.tmp, name.replace("/", "_"))
        with open(path, "wb") as f:
            f.write(content)
        return ["-fw_cfg", "name=%s,file=%s" % (name, path)]

    def send(self, text):
        self.child.send(text)

    def run(self, cmd, allow=(), timeout=None):
        """Type cmd and Enter; return the output lines up to the next prompt.

        allow names BAD_PATTERNS keys that this command may print."""
        self.child.send(cmd + "\r")
        text = self.read_prompt(timeout)
        # The first line is the echo of what was typed.
        lines = text.split("\n")[1:]
        self.check("\n".join(lines), allow)
        return lines

    def check(self, output, allow=()):
        for name, pat in BAD_PATTERNS.items():
            if name in allow:
                continue
            if re.search(pat, output):
                raise CommandError("bad console output (%s):\n%s" % (name, output))

    def status(self):
        out = self.run("echo $?")
        return int(out[-1])

    def run_ok(self, cmd, **kw):
        """Run cmd; fail unless it succeeds ($? == 0). Returns its lines."""
        lines = self.run(cmd, **kw)
        st = self.status()
        if st != 0:
            raise CommandError("'%s' failed (status %d):\n%s" % (cmd, st, "\n".join(lines)))
        return lines

    def run_fail(self, cmd, **kw):
        """Run cmd; fail unless it fails ($? != 0). Returns its lines."""
        lines = self.run(cmd, **kw)
        st = self.status()
        if st == 0:
            raise CommandError("'%s' should have failed:\n%s" % (cmd, "\n".join(lines)))
        return lines

    # --- the QEMU monitor ------------------------------------------------
    def monitor(self, command, timeout=10):
        """Run a QEMU monitor (HMP) command; returns its reply."""
        deadline = time.time() + timeout
        while not os.path.exists(self.monitor_path):
            if time.time() > deadline:
                raise TimeoutError("no QEMU monitor socket")
            time.sleep(0.05)
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(timeout)
        s.connect(self.monitor_path)
        data = b""
        try:
            while b"(qemu) " not in data:
                data += s.recv(4096)
            s.sendall(command.encode() + b"\n")
            data = b""
            while data.count(b"(qemu) ") < 1:
                data += s.recv(4096)
        finally:
            s.close()
        return data.decode(errors="replace")

    def screendump(self, path=None):
        """The display as (width, height, bytes of RGB) via the monitor."""
        path = path or os.path.join(self.tmp, "screen.ppm")
        if os.path.exists(path):
            os.unlink(path)
        self.monitor("screendump " + path)
        deadline = time.time() + 10
        while not os.path.exists(path) or os.path.getsize(path) == 0:
            if time.time() > deadline:
                raise TimeoutError("screendump wrote nothing")
            time.sleep(0.05)
        return read_ppm(path)

    def wait_exit(self, timeout=None):
        """Wait for QEMU to exit (e.g. after poweroff); returns its status."""
        self.child.expect(pexpect.EOF, timeout=timeout or self.timeout)
        self.child.close()
        return self.child.exitstatus

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    @property
    def output(self):
        return "".join(self.log)


def normalize(text):
    return re.sub(r"\r*\n", "\n", text)


class _Log:
    def __init__(self, sink):
        self.sink = sink

    def write(self, data):
        self.sink.append(data)

    def flush(self):
        pass


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    # P6\n<w> <h>\n<max>\n<rgb...>
    fields = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P6", "not a binary PPM"
    width, height = int(fields[1]), int(fields[2])
    pos += 1
    return width, height, data[pos:pos + width * height * 3]


def pixel(screen, x, y):
    """(r, g, b) of a screendump() result at x, y."""
    width, _, rgb = screen
    i = (y * width + x) * 3
    return tuple(rgb[i:i + 3])


@pytest.fixture(autouse=True)
def _requires(request):
    for m in request.node.iter_markers("requires"):
        for opt in m.args:
            if CONFIG.get(opt) != "y":
                pytest.skip("CONFIG_%s is not enabled" % opt)


@pytest.fixture
def console(request):
    args = []
    for m in reversed(list(request.node.iter_markers("qemu_args"))):
        args += list(m.args)
    stop = request.node.get_closest_marker("autoboot") is None
    files = {}
    for name in ("env", "script"):
        m = request.node.get_closest_marker(name)
        if m:
            files[name] = list(m.args)
    c = Console(args, stop_autoboot=stop, **files)
    yield c
    c.close()


@pytest.fixture
def boot():
    consoles = []

    def start(*qemu_args, **kw):
        c = Console(qemu_args, **kw)
        consoles.append(c)
        return c

    yield start
    for c in consoles:
        c.close()


@pytest.fixture
def tmp(tmp_path):
    return tmp_path


def link_table(kind, map_path=os.path.join(BUILD, "virtboot.map")):
    """A self-registration table in the linker map (kind: "commands" or
    "drivers"): (start, end, [(name, address, size), ...]) for the
    .<kind>.<name> input sections the linker put between __<kind>_start
    and __<kind>_end, in address order."""
    with open(map_path) as f:
        text = f.read()
    sym = r"\s+0x([0-9a-f]+)\s+__%s_%s = \."
    m_start = re.search(sym % (kind, "start"), text)
    m_end = re.search(sym % (kind, "end"), text)
    assert m_start and m_end, "no __%s_start/__%s_end in %s" % (kind, kind, map_path)
    body = text[m_start.end():m_end.start()]
    entries = [(name, int(addr, 16), int(size, 16)) for name, addr, size in
               re.findall(r"(?m)^ \.%s\.(\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s" % kind,
                          body)]
    return int(m_start.group(1), 16), int(m_end.group(1), 16), entries


def dump_dtb(tmp_path):
    """QEMU's own device tree for the test machine, as a file to edit with
    fdtput and hand back with -dtb (skips without device-tree-compiler)."""
    if not shutil.which("fdtput"):
        pytest.skip("no fdtput (device-tree-compiler)")
    dtb = str(tmp_path / "virt.dtb")
    subprocess.run([QEMU, "-M", "virt,dumpdtb=" + dtb, "-cpu", "cortex-a57",
                    "-m", "1G", "-display", "none", "-nic", "none"],
                   check=True, capture_output=True)
    return dtb


def run(cmd, **kw):
    """subprocess.run with check and text output, for host-side helpers."""
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)
