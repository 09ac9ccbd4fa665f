# SPDX-License-Identifier: MIT
"""The ramfb display: splash, fb commands, the fb console, the custom BMP
splash and the progress bar, checked pixel by pixel through the QEMU
monitor's screendump."""
import os
import re
import struct
import time

import pytest

from conftest import PROMPT_RE, ROOT, pixel

pytestmark = pytest.mark.requires("VIDEO_RAMFB")

RAMFB = ("-device", "ramfb")
BARS = [(255, 255, 255), (255, 255, 0), (0, 255, 255), (0, 255, 0),
        (255, 0, 255), (255, 0, 0), (0, 0, 255), (0, 0, 0)]
BG = (0x10, 0x18, 0x28)         # splash background (drivers/video/splash.c)
TEXT = (0xe8, 0xe8, 0xe8)       # console foreground (drivers/video/fbcon.c)
ORANGE = (0xff, 0x9f, 0x1f)     # progress bar and the logo's bar
CELL_W, CELL_H, SCALE = 12, 18, 2


def font():
    """The built-in font, read from its source: {char: 8 rows of 5 bits}."""
    with open(os.path.join(ROOT, "drivers/video/font.c")) as f:
        src = f.read()
    body = src[src.index("font[95]"):src.index("static const uint8_t box")]
    glyphs = re.findall(r'G\(((?:\s*"[.#]{5}",?){8})\)', body)
    assert len(glyphs) == 95
    return {chr(32 + i): re.findall(r'"([.#]{5})"', g)
            for i, g in enumerate(glyphs)}


def env_arg(text):
    return ("-fw_cfg", "name=opt/virtboot/env,string=" + text)


def check_bars(console, width, height):
    console.run_ok("fb test")
    screen = console.screendump()
    assert screen[:2] == (width, height)
    for i, colour in enumerate(BARS):
        x = width * (2 * i + 1) // 16
        assert pixel(screen, x, height // 2) == colour, (i, x)
        assert pixel(screen, x, 0) == colour
        assert pixel(screen, x, height - 1) == colour


def count(screen, colour, x0, y0, x1, y1):
    return sum(pixel(screen, x, y) == colour
               for y in range(y0, y1) for x in range(x0, x1))


@pytest.mark.qemu_args(*RAMFB)
def test_info(console):
    lines = console.run_ok("fb info")
    info = dict(l.split(":", 1) for l in lines if ":" in l)
    assert info["mode"].strip() == "1024x768"
    assert info["stride"].strip() == "4096 bytes"
    assert "XRGB8888" in info["format"]
    base = int(info["address"], 16)
    # High in RAM (-m 1G: 0x40000000..0x80000000), clear of the kernel.
    assert 0x70000000 <= base and base + 1024 * 768 * 4 <= 0x80000000
    assert re.match(r" *\d+ us after power-on", info["splash"])


@pytest.mark.qemu_args(*RAMFB)
def test_bars_default_mode_and_switch(console):
    check_bars(console, 1024, 768)
    console.run_ok("fb mode 1920x1080")
    check_bars(console, 1920, 1080)
    assert "1920x1080" in console.run_ok("fb info")[0]


@pytest.mark.qemu_args(*RAMFB, *env_arg("fb_mode=640x480"))
def test_bars_mode_from_env(console):
    assert "640x480" in console.run_ok("fb info")[0]
    check_bars(console, 640, 480)


@pytest.mark.qemu_args(*RAMFB, *env_arg("fb_mode=640by480"))
def test_invalid_mode_from_env(console):
    assert "fb: invalid fb_mode '640by480'" in console.output
    assert "1024x768" in console.run_ok("fb info")[0]
    lines = console.run_fail("fb mode 10x10")
    assert lines[0].startswith("fb: bad mode '10x10'")
    assert "1024x768" in console.run_ok("fb info")[0]


@pytest.mark.qemu_args(*RAMFB)
def test_other_patterns_and_clear(console):
    console.run_ok("fb test gradient")
    s = console.screendump()
    assert pixel(s, 0, 0) == (0, 0, 0) and pixel(s, 1023, 767) == (255, 255, 255)
    assert pixel(s, 1023, 0)[0] == 255 and pixel(s, 0, 767)[1] == 255
    console.run_ok("fb test grid")
    s = console.screendump()
    assert pixel(s, 32, 100) == (255, 255, 255) and pixel(s, 33, 101) == (0, 0, 0)
    assert pixel(s, 0, 5) == (255, 0, 0)
    console.run_ok("fb clear 336699")
    s = console.screendump()
    assert pixel(s, 1000, 700) == (0x33, 0x66, 0x99)
    console.run_fail("fb test plaid")
    console.run_fail("fb clear xyz")


@pytest.mark.qemu_args(*RAMFB)
def test_splash(console):
    s = console.screendump()
    assert s[:2] == (1024, 768)
    logo = {pixel(s, x, y) for x in range(16, 112, 3) for y in range(16, 112, 3)}
    assert len(logo) >= 3                   # not uniform: the logo is there
    assert (0x1f, 0x5f, 0xbf) in logo and (255, 255, 255) in logo
    assert pixel(s, 500, 4) == BG
    # The title "virtboot ..." to the right of the logo, at scale 4.
    assert count(s, TEXT, 136, 20, 600, 52) > 200
    console.run_ok("fb test")
    console.run_ok("fb splash")
    s2 = console.screendump()
    assert s2[2][:4096 * 100] == s[2][:4096 * 100]  # the same top band


def find_text(screen, text, glyphs, fg=TEXT):
    """Every (col, row) of the console (from the top: after fb clear)
    where text is drawn."""
    width, height, _ = screen
    cols = (width - CELL_W) // CELL_W
    return [(col, row) for row in range(height // CELL_H)
            for col in range(cols - len(text) + 1)
            if all(cell_matches(screen, 6 + (col + i) * CELL_W, row * CELL_H,
                                glyphs[ch], fg)
                   for i, ch in enumerate(text))]


def cell_matches(screen, x0, y0, rows, fg):
    for gy, bits in enumerate(rows):
        for gx, b in enumerate(bits):
            if (pixel(screen, x0 + gx * SCALE, y0 + gy * SCALE) == fg) != (b == "#"):
                return False
    return True


@pytest.mark.qemu_args(*RAMFB)
def test_echo_on_screen(console):
    glyphs = font()
    assert console.run_ok("printenv stdout") == ["stdout=serial,fb"]
    console.run_ok("fb clear")              # the console from the top-left
    console.run_ok("echo Hello, virtboot!")
    s = console.screendump()
    # "=> echo Hello, virtboot!" then the output at the start of a line.
    where = find_text(s, "Hello, virtboot!", glyphs)
    assert len(where) == 2 and where[0][0] == 3 + 5 and where[1][0] == 0
    assert where[1][1] == where[0][1] + 1
    # Serial only: the screen stops following.
    console.run_ok("setenv stdout serial")
    console.run_ok("echo Quiet")
    assert find_text(console.screendump(), "Quiet", glyphs) == []
    console.run_ok("setenv stdout serial,fb")
    console.run_ok("echo Loud")
    loud = find_text(console.screendump(), "Loud", glyphs)
    assert any(col == 0 and row > where[1][1] for col, row in loud)


@pytest.mark.qemu_args(*RAMFB)
def test_env_default_keeps_the_screen(console):
    """env default -a restores the default stdout, which with a display
    is serial and the screen, whatever stdout was before."""
    glyphs = font()
    assert console.run_ok("printenv stdout") == ["stdout=serial,fb"]
    console.run_ok("env default -a")
    assert console.run_ok("printenv stdout") == ["stdout=serial,fb"]
    console.run_ok("fb clear")
    console.run_ok("echo Mirrored")
    assert len(find_text(console.screendump(), "Mirrored", glyphs)) == 2
    # From serial only, back to both.
    console.run_ok("setenv stdout serial")
    console.run_ok("env default -a")
    assert console.run_ok("printenv stdout") == ["stdout=serial,fb"]
    console.run_ok("echo Again")
    assert len(find_text(console.screendump(), "Again", glyphs)) == 2


@pytest.mark.qemu_args(*RAMFB)
@pytest.mark.env("c=\x1b[31mRED\x1b[0m \x1b[1;32mGRN\x1b[0m \x1b[44mBLU\x1b[0m ok")
def test_console_colours(console):
    """SGR colours on the screen (the serial side passes them through)."""
    glyphs = font()
    console.run_ok("fb clear")
    console.run_ok("printenv c")
    s = console.screendump()
    assert find_text(s, "RED", glyphs, fg=(0xaa, 0, 0))
    assert find_text(s, "GRN", glyphs, fg=(0x55, 0xff, 0x55))   # bold: bright
    blu = find_text(s, "BLU", glyphs)
    assert blu and find_text(s, "ok", glyphs)
    col, row = blu[-1]
    # The blue background fills BLU's cells (the font's sixth column is
    # always background), and only those.
    for i in range(3):
        assert pixel(s, 6 + (col + i) * CELL_W + 10, row * CELL_H) == (0, 0, 0xaa)
    assert pixel(s, 6 + (col + 3) * CELL_W + 10, row * CELL_H) == (0, 0, 0)


@pytest.mark.qemu_args(*RAMFB)
def test_console_scrolls(console):
    glyphs = font()
    console.run_ok("fb clear")
    for i in range(30):                     # 768 / 18 = 42 rows, 2 per command
        console.run_ok("echo line%02d" % i)
    s = console.screendump()
    last = find_text(s, "line29", glyphs)
    assert last and last[-1][1] >= 768 // CELL_H - 5
    assert find_text(s, "line00", glyphs) == []         # scrolled away


def read_rows(screen, glyphs, y0=0, fg=TEXT):
    """The console's text, row by row from y0 (the top after fb clear),
    read back cell by cell from the glyphs' pixels; trailing blanks cut,
    '\0' for a cell that is no glyph."""
    width, height, _ = screen
    by_bits = {tuple(rows): ch for ch, rows in glyphs.items()}
    cols = (width - CELL_W) // CELL_W
    out = []
    for row in range((height - y0) // CELL_H):
        text = ""
        for col in range(cols):
            x0, y = 6 + col * CELL_W, y0 + row * CELL_H
            bits = tuple("".join("#" if pixel(screen, x0 + gx * SCALE,
                                               y + gy * SCALE) == fg else "."
                                 for gx in range(5))
                         for gy in range(8))
            text += by_bits.get(bits, "\0")
        out.append(text.rstrip(" "))
    return out


@pytest.mark.qemu_args(*RAMFB)
@pytest.mark.parametrize("mode", ["1024x768", "640x480"])
def test_console_scrolled_text_in_place(console, mode):
    """Hundreds of lines scroll through: every row left on the screen is
    the matching serial line, glyph for glyph, the prompt on the last."""
    glyphs = font()
    if mode != "1024x768":
        console.run_ok("fb mode " + mode)
    console.run_ok("fb clear")
    console.run_ok("mw 50000000 41424344 400")
    lines = console.run_ok("md 50000000 400")      # 256 lines
    assert len(lines) == 256 and lines[-1].startswith("50000ff0: ")
    rows = read_rows(console.screendump(), glyphs)
    width, height = map(int, mode.split("x"))
    assert len(rows) == height // CELL_H
    # The last row: the prompt (with "echo $?", run_ok's status check, and
    # its answer above it); the md lines before those.
    assert rows[-1] == "=>"
    assert rows[-3:-1] == ["=> echo $?", "0"]
    cols = (width - CELL_W) // CELL_W              # longer lines wrap
    wrapped = [l[i:i + cols].rstrip(" ") for l in lines
               for i in range(0, max(len(l), 1), cols)]
    assert rows[:-3] == wrapped[-(len(rows) - 3):]


def bmp(width, height, colour_at):
    """A 24-bit bottom-up BMP."""
    stride = (width * 3 + 3) & ~3
    rows = []
    for y in reversed(range(height)):
        row = b"".join(bytes(reversed(colour_at(x, y))) for x in range(width))
        rows.append(row + b"\0" * (stride - len(row)))
    data = b"".join(rows)
    return (b"BM" + struct.pack("<IHHI", 54 + len(data), 0, 0, 54) +
            struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0,
                        len(data), 2835, 2835, 0, 0) + data)


def quadrants(x, y):
    return [(200, 0, 0), (0, 200, 0), (0, 0, 200), (200, 200, 0)][
        (x >= 40) + 2 * (y >= 30)]


def splash_arg(tmp_path, data):
    path = tmp_path / "splash.bmp"
    path.write_bytes(data)
    return ("-fw_cfg", "name=opt/virtboot/splash,file=%s" % path)


def test_custom_bmp_splash(boot, tmp_path):
    c = boot(*RAMFB, *splash_arg(tmp_path, bmp(80, 60, quadrants)))
    assert "opt/virtboot/splash" not in c.banner_text + c.output.split("=>")[0]
    s = c.screendump()
    x0, y0 = (1024 - 80) // 2, 16           # centred, at the top
    for (x, y) in [(5, 5), (60, 5), (5, 50), (60, 50), (39, 29), (40, 30)]:
        assert pixel(s, x0 + x, y0 + y) == quadrants(x, y), (x, y)
    assert pixel(s, x0 - 1, y0 + 5) == BG
    assert pixel(s, 1024 // 2, y0 + 30) == quadrants(40, 30)  # its centre


@pytest.mark.parametrize("damage", ["truncated", "huge", "8bpp"])
def test_bad_bmp_splash_falls_back(boot, tmp_path, damage):
    data = bytearray(bmp(80, 60, quadrants))
    if damage == "truncated":
        data = data[:1000]
    elif damage == "huge":
        struct.pack_into("<ii", data, 18, 0x7fffffff, 0x7fffffff)
    else:
        struct.pack_into("<H", data, 28, 8)
    c = boot(*RAMFB, *splash_arg(tmp_path, bytes(data)))
    assert re.search(r"splash: opt/virtboot/splash: .*: using the built-in logo",
                     c.output)
    s = c.screendump()
    assert pixel(s, 16 + 3 * 16, 16 + 3 * 2) == (0x1f, 0x5f, 0xbf)  # the logo


def test_oversized_bmp_splash_refused(boot, tmp_path):
    c = boot(*RAMFB, *splash_arg(tmp_path, bmp(1100, 20, quadrants)))
    assert "larger than the screen: using the built-in logo" in c.output


def bar_end(screen):
    """The x after the progress bar's orange (0 when empty): its inside
    starts at x=18, y=122 (the logo's own orange bar is left of x=112)."""
    width = screen[0]
    xs = [x for x in range(112, width) if pixel(screen, x, 124) == ORANGE]
    if not xs:
        return 0
    assert xs == list(range(112, xs[-1] + 1))   # one solid run
    return xs[-1] + 1


@pytest.mark.qemu_args(*RAMFB)
def test_progress_command(console):
    assert bar_end(console.screendump()) == 0
    console.run_ok("fb progress 1 2")
    half = bar_end(console.screendump())
    console.run_ok("fb progress 64 64")
    full = bar_end(console.screendump())
    console.run_ok("fb progress 0 0")
    assert bar_end(console.screendump()) == 0
    assert abs(half - (18 + (1024 - 36) // 2)) <= 1
    assert full == 1024 - 18


def spin_image(size):
    """An arm64 Image (booting.rst header) whose code is 'b .': the loader
    loads it, hands over, and the screen stays as the loader left it."""
    hdr = struct.pack("<IIQQQQQQI", 0x14000000, 0, 0, size, 0, 0, 0, 0,
                      0x644d5241) + b"\0" * 4
    return hdr + b"\0" * (size - len(hdr))


@pytest.mark.requires("CMD_BOOTFW")
def test_progress_during_kernel_load(boot, tmp_path):
    kernel = tmp_path / "Image"
    kernel.write_bytes(spin_image(24 << 20))
    c = boot(*RAMFB, "-kernel", str(kernel), *env_arg("bootdelay=-1"))
    before = bar_end(c.screendump())
    c.send("bootfw\r")
    c.expect(r"bootfw\r*\n")
    # Either the spinning "kernel" runs, or a later step refused it: the
    # load itself is done either way.
    c.child.expect([r"Starting kernel", PROMPT_RE], timeout=60)
    time.sleep(0.5)
    after = bar_end(c.screendump())
    assert before == 0 and after == 1024 - 18


def test_no_ramfb(console):
    assert "fb: no display (start QEMU with -device ramfb" in console.output
    for cmd in ("fb info", "fb test", "fb clear", "fb splash", "fb mode 640x480"):
        lines = console.run_fail(cmd)
        assert lines[0] == "fb: no display (start QEMU with -device ramfb)"
    assert console.run_ok("printenv stdout") == ["stdout=serial"]
    console.run_fail("setenv stdout serial,fb")
    console.run_ok("env default -a")
    assert console.run_ok("printenv stdout") == ["stdout=serial"]
