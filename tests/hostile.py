"""A corpus of hostile inputs, made at test time: what a folder of "reports" downloaded from
thousands of public websites may hold besides reports.

`make_hostile_corpus(folder)` writes every file and says what the pipeline must make of it: the
`documents.status` and the `errors.code` values. Nothing binary is committed: the files are cut
from the samples, re-encoded, encrypted with pikepdf, or written byte by byte here (`pdf_file`),
so that each one is exactly as hostile as it says. tests/test_hostile.py runs the command over
all of them at once.
"""
from __future__ import annotations

import codecs
import io
import os
import random
import struct
import sys
import textwrap
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from PIL import Image

from conftest import RECIPE, REPO

SAMPLES = REPO / "samples"
# The born-digital sample every "must read as the original" case is made from: three pages,
# eleven scores, so that a wrong reading shows and the suite stays quick.
ORIGINAL = SAMPLES / "pdf" / "001_abf31e34acd1eb53.pdf"

ENGLISH = ("Minutes of the annual meeting of the garden club. The members agreed to plant "
           "tomatoes, beans and sunflowers along the east fence, and to hold the summer fair "
           "on the first Saturday of July. The treasurer reported a balance of 412 dollars.")
# A canary address: a link, a JavaScript call and a form submission point here. Nothing may
# ever connect to it (the suite listens there while the run goes).
DEFAULT_CANARY = "http://127.0.0.1:9/ita-hostile-canary"


@dataclass(frozen=True)
class HostileCase:
    path: Path
    status: str  # the documents.status it must get: failed, partial or success
    codes: frozenset[str] = frozenset()  # the errors.code values it must get, and no others
    same_as: Path | None = None  # must give the same scores as this file (in the corpus too)


@dataclass
class _Corpus:
    folder: Path
    cases: dict[str, HostileCase] = field(default_factory=dict)

    def add(self, name: str, file_name: str, data: bytes, status: str,
            codes: set[str] | frozenset[str] = frozenset(), *, same_as: str | None = None) -> Path:
        path = self.folder / file_name
        path.write_bytes(data)
        self.cases[name] = HostileCase(path, status, frozenset(codes),
                                       self.cases[same_as].path if same_as else None)
        return path


# ---- PDFs written byte by byte ------------------------------------------------------------------
def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF whose object n is `objects[n - 1]` (object 1 the catalog), with a correct
    cross-reference table.

    >>> pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])[:8]
    b'%PDF-1.7'
    """
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(entries: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data)


def text_content(text: str, size: int = 11, width: int = 95) -> bytes:
    """A content stream printing `text` (Latin-1, no backslashes or parentheses) in Helvetica,
    wrapped at `width` characters."""
    shows = b"".join(b"(%s) Tj T*\n" % line.encode("latin-1") for line in textwrap.wrap(text, width))
    return b"BT /F1 %d Tf %d TL 72 760 Td\n%sET" % (size, size + 3, shows)


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def one_page_pdf(content: bytes, *, media_box: str = "0 0 595 842", resources: bytes = b"",
                 extra_objects: tuple[bytes, ...] | list[bytes] = ()) -> bytes:
    """Catalog 1, Pages 2, Page 3, content 4, Helvetica 5, then `extra_objects` from 6 on."""
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [%s] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> %s >> >>" % (media_box.encode(), resources),
        stream(b"", content), HELVETICA, *extra_objects])


def many_pages_pdf(pages: int) -> bytes:
    """`pages` A4 pages sharing one tiny content stream (a page number would make each differ,
    and the point is the count)."""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               stream(b"", b"BT /F1 9 Tf 72 800 Td (page) Tj ET"), HELVETICA]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
    return pdf_file(objects + [page] * pages)


def zeros_zlib(size: int, chunk: int = 1 << 20) -> bytes:
    """A zlib stream that inflates to `size` zero bytes, made in milliseconds: one deflated chunk
    repeated (a full flush makes every chunk after the first come out the same), and the
    checksum of all-zero data worked out rather than computed (Adler-32 of n zeros is n·2¹⁶ + 1).

    >>> len(zlib.decompress(zeros_zlib(5_000_000))) == 5_000_000
    True
    """
    packer = zlib.compressobj(9)

    def deflated(n: int) -> bytes:
        return packer.compress(bytes(n)) + packer.flush(zlib.Z_FULL_FLUSH)

    whole, rest = divmod(size, chunk)
    body = deflated(chunk) if whole else b""  # the first one carries the zlib header
    if whole > 1:
        body += deflated(chunk) * (whole - 1)
    if rest or not whole:
        body += deflated(rest)
    final_empty_block = b"\x03\x00"  # BFINAL=1, fixed Huffman, end-of-block
    return body + final_empty_block + struct.pack(">I", ((size % 65521) << 16) | 1)


def image_object(width: int, height: int, deflated: bytes) -> bytes:
    """A grey image XObject of `width` × `height` whose pixels are `deflated`."""
    return stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                  b"/BitsPerComponent 8 /Filter /FlateDecode" % (width, height), deflated)


def scan_like_image(width: int = 1000, height: int = 1400) -> Image.Image:
    """A grey page of printed English, as a scanner would give it: enough for the PDF reader
    to take the page for a scan and for Tesseract to find words."""
    from PIL import ImageDraw, ImageFont

    page = Image.new("L", (width, height), 238)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=36)
    words, line, y = ENGLISH.split(), "", 80
    for word in words + [""]:
        if word and draw.textlength(f"{line} {word}", font=font) < width - 160:
            line = f"{line} {word}".strip()
            continue
        draw.text((80, y), line, fill=25, font=font)
        line, y = word, y + 56
    return page


def image_xobject(image: Image.Image) -> bytes:
    return image_object(image.width, image.height, zlib.compress(image.tobytes()))


# ---- changed copies of real files ---------------------------------------------------------------
def encrypted(source: Path, *, user: str, owner: str, aes: bool) -> bytes:
    """`source` encrypted: with a `user` password it cannot be opened without one; with an empty
    user password anyone can open it, and `owner` only guards the permissions (no copying, no
    printing), which a reader of public reports ignores as every PDF viewer does."""
    buffer = io.BytesIO()
    with pikepdf.open(source) as pdf:
        # R=6 is AES-256 (PDF 2.0); R=3 is RC4-128, which older Thai office software still writes.
        forbidden = pikepdf.Permissions(extract=False, print_lowres=False, print_highres=False,
                                        modify_other=False)
        encryption = pikepdf.Encryption(owner=owner, user=user, R=6 if aes else 3, aes=aes,
                                        metadata=aes, allow=forbidden)
        pdf.save(buffer, encryption=encryption, static_id=True)
    return buffer.getvalue()


def with_active_content(source: Path, canary: str, payload_marker: Path) -> bytes:
    """`source` with everything a PDF can do besides being read: JavaScript on opening and on
    page open, a Launch action that would create `payload_marker`, links to `canary`, a form
    that submits to it, and an embedded file. None of it may run."""
    launch_command = f"/bin/sh -c 'touch {payload_marker}'"
    js = (f"app.launchURL('{canary}/js', true); this.submitForm('{canary}/submit'); "
          f"app.alert('hostile');")
    buffer = io.BytesIO()
    with pikepdf.open(source) as pdf:
        js_action = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(js)))
        launch = pdf.make_indirect(pikepdf.Dictionary(
            S=pikepdf.Name.Launch, F=pikepdf.String(launch_command),
            Unix=pikepdf.Dictionary(F=pikepdf.String("/bin/sh"), P=pikepdf.String(launch_command)),
            NewWindow=True))
        uri = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(canary + "/uri")))
        js_action.Next = launch
        pdf.Root.OpenAction = js_action
        pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(
            Names=pikepdf.Array([pikepdf.String("onopen"), js_action])))
        pdf.Root.AA = pikepdf.Dictionary(WC=js_action, WP=js_action)
        for page in pdf.pages:
            page.obj.AA = pikepdf.Dictionary(O=launch, C=js_action)
            links = [pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
                                        Rect=pikepdf.Array([0, 0, 200, 50]), A=action, Border=pikepdf.Array([0, 0, 0]))
                     for action in (uri, launch, js_action)]
            page.obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(a) for a in links]))
        # A form whose field calculates with JavaScript and submits to the canary.
        submit = pikepdf.Dictionary(S=pikepdf.Name.SubmitForm, F=pikepdf.String(canary + "/form"))
        field_ = pdf.make_indirect(pikepdf.Dictionary(
            FT=pikepdf.Name.Tx, T=pikepdf.String("name"), Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget,
            Rect=pikepdf.Array([300, 10, 400, 30]), P=pdf.pages[0].obj,
            AA=pikepdf.Dictionary(K=js_action, F=js_action, C=js_action, Bl=submit)))
        pdf.pages[0].obj.Annots.append(field_)
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([field_]), NeedAppearances=True)
        pdf.attachments["payload.sh"] = pikepdf.AttachedFileSpec(
            pdf, f"#!/bin/sh\ntouch {payload_marker}\n".encode(), mime_type="application/x-sh")
        pdf.save(buffer, deterministic_id=True)
    return buffer.getvalue()


def with_attachment(source: Path, payload_marker: Path) -> bytes:
    """`source` carrying files: a script and a second PDF, as a portfolio would."""
    buffer = io.BytesIO()
    with pikepdf.open(source) as pdf:
        pdf.attachments["run-me.sh"] = pikepdf.AttachedFileSpec(
            pdf, f"#!/bin/sh\ntouch {payload_marker}\n".encode(), mime_type="application/x-sh")
        pdf.attachments["other report.pdf"] = pikepdf.AttachedFileSpec(pdf, ORIGINAL.read_bytes())
        pdf.save(buffer, deterministic_id=True)
    return buffer.getvalue()


def broken_xref(source: Path) -> bytes:
    """`source` with its cross-reference table garbled (offsets pointing nowhere, the keyword
    misspelt): the reader must rebuild it from the objects, as pdfium does."""
    data = bytearray(source.read_bytes())
    start = data.rindex(b"startxref")
    xref = int(data[start + 9:].split()[0])
    end = data.index(b"trailer", xref)
    garbled = bytes(b if b in b"\r\n " else ord("9") for b in data[xref:end])
    data[xref:end] = b"xrfe" + garbled[4:]
    return bytes(data)


def cut(source: Path, share: float) -> bytes:
    data = source.read_bytes()
    return data[: int(len(data) * share)]


# ---- images -------------------------------------------------------------------------------------
def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side: int = 40_000) -> bytes:
    """A 1-bit PNG of `side`² pixels (1.6 gigapixels by default) in a few hundred kilobytes."""
    row = 1 + (side + 7) // 8  # a filter byte, then the packed pixels: all zero
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
            + png_chunk(b"IDAT", zeros_zlib(row * side)) + png_chunk(b"IEND", b""))


def tiff_file(width: int, height: int, frames: int = 1) -> bytes:
    """A baseline grey TIFF of `frames` white frames of `width` × `height`, every frame's strip
    the same bytes (Pillow takes seconds to write thousands of frames; this takes none).

    >>> Image.open(io.BytesIO(tiff_file(16, 16, 3))).n_frames
    3
    """
    strip = bytes([255]) * (width * height)
    data_at = 8
    first_ifd = data_at + len(strip) + len(strip) % 2  # IFDs start on a word boundary
    tags = [(256, width), (257, height), (258, 8), (259, 1), (262, 1), (273, data_at), (277, 1),
            (278, height), (279, len(strip))]
    ifd_size = 2 + 12 * len(tags) + 4
    out = bytearray(b"II*\x00" + struct.pack("<I", first_ifd) + strip + bytes(len(strip) % 2))
    for n in range(frames):
        next_ifd = first_ifd + (n + 1) * ifd_size if n + 1 < frames else 0
        out += struct.pack("<H", len(tags))
        out += b"".join(struct.pack("<HHII", tag, 4, 1, value) for tag, value in tags)  # all LONG
        out += struct.pack("<I", next_ifd)
    return bytes(out)


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body>รายงาน ITA</w:body></w:document>")
    return buffer.getvalue()


# ---- the corpus ---------------------------------------------------------------------------------
def seed_text(n: int) -> str:
    return sorted((SAMPLES / "text").glob("*.txt"))[n].read_text(encoding="utf-8")


def make_hostile_corpus(folder: Path, *, canary: str = DEFAULT_CANARY,
                        marker: Path | None = None) -> dict[str, HostileCase]:
    """Write the hostile files into `folder` (made here) and say what each must give.

    `marker` is a path that exists only if something in a document was executed (a Launch
    action, an attached script); by default `<folder>.executed`, outside the folder."""
    folder.mkdir(parents=True)
    marker = marker or folder.with_name(folder.name + ".executed")
    c = _Corpus(folder)
    scans = sorted((SAMPLES / "scan").glob("*.pdf"))
    born_digital = sorted((SAMPLES / "pdf").glob("*.pdf"))

    # -- the control: the sample the damaged, encrypted and active-content copies are made from
    c.add("original", "original.pdf", ORIGINAL.read_bytes(), "success")

    # -- nothing, or nothing worth reading
    c.add("zero_byte_pdf", "empty.pdf", b"", "failed", {"empty_file"})
    c.add("whitespace_txt", "blank lines.txt", b" \n\t\r\n   \n", "failed", {"empty_file"})

    # -- cut short: an interrupted download. The samples keep their catalog at the end, as
    # LibreOffice writes it, so no cut leaves anything pdfium can open.
    for share, source in ((0.1, born_digital[0]), (0.5, born_digital[2]), (0.9, born_digital[3])):
        c.add(f"truncated_pdf_{int(share * 100)}", f"cut at {int(share * 100)}%.pdf", cut(source, share),
              "failed", {"truncated"})
    for share, source in ((0.1, scans[0]), (0.5, scans[1]), (0.9, scans[4])):
        c.add(f"truncated_scan_{int(share * 100)}", f"scan cut at {int(share * 100)}%.pdf",
              cut(source, share), "failed", {"truncated"})

    # -- damaged, or not a PDF at all
    # pdfium rebuilds a damaged cross-reference table from the objects themselves.
    c.add("broken_xref", "broken xref.pdf", broken_xref(ORIGINAL), "success", same_as="original")
    rng = random.Random(5)
    c.add("header_then_garbage", "garbage.pdf", b"%PDF-1.4\n" + rng.randbytes(20_000), "failed",
          {"unreadable"})
    c.add("png_named_pdf", "photo.pdf", png_bytes(Image.new("L", (64, 64), 128)), "failed", {"not_pdf"})
    c.add("docx_named_pdf", "report.docx.pdf", docx_bytes(), "failed", {"not_pdf"})
    c.add("html_named_pdf", "download.pdf",
          b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
          b"<body><h1>Not Found</h1></body></html>\n", "failed", {"not_pdf"})
    c.add("thai_text_named_pdf", "thai text.pdf", RECIPE.encode("utf-8"), "failed", {"not_pdf"})

    # -- encrypted
    c.add("encrypted_user_password", "password aes.pdf",
          encrypted(ORIGINAL, user="secret", owner="owner", aes=True), "failed", {"encrypted"})
    c.add("encrypted_user_password_rc4", "password rc4.pdf",
          encrypted(ORIGINAL, user="secret", owner="owner", aes=False), "failed", {"encrypted"})
    c.add("owner_only_aes", "owner only aes.pdf",
          encrypted(ORIGINAL, user="", owner="owner", aes=True), "success", same_as="original")
    c.add("owner_only_rc4", "owner only rc4.pdf",
          encrypted(ORIGINAL, user="", owner="owner", aes=False), "success", same_as="original")

    # -- too big: pages, page size, pixels
    c.add("thousands_of_pages", "3000 pages.pdf", many_pages_pdf(3000), "failed", {"too_large"})
    c.add("giant_page", "giant page.pdf",
          one_page_pdf(text_content(ENGLISH), media_box="0 0 14400 14400"), "partial", {"not_ita_report"})
    c.add("giant_scanned_page", "giant scanned page.pdf",
          one_page_pdf(b"q 14400 0 0 14400 0 0 cm /Im1 Do Q", media_box="0 0 14400 14400",
                       resources=b"/XObject << /Im1 6 0 R >>",
                       extra_objects=[image_xobject(scan_like_image())]),
          "partial", {"not_ita_report"})
    bomb_side = 60_000  # 3.6 GB of grey pixels behind 3.5 MB of deflate
    c.add("decompression_bomb_pdf", "bomb.pdf",
          one_page_pdf(b"q 595 0 0 842 0 0 cm /Im1 Do Q", resources=b"/XObject << /Im1 6 0 R >>",
                       extra_objects=[image_object(bomb_side, bomb_side, zeros_zlib(bomb_side * bomb_side))]),
          "failed", {"too_large"})
    c.add("decompression_bomb_png", "bomb.png", png_bomb(), "failed", {"too_large"})

    # -- active content: read like any report, nothing run, nothing fetched
    c.add("javascript_launch_uri", "javascript.pdf", with_active_content(ORIGINAL, canary, marker),
          "success", same_as="original")
    c.add("attachment", "attachment.pdf", with_attachment(born_digital[0], marker), "success")

    # -- not Thai, not a report
    c.add("english_pdf", "english.pdf", one_page_pdf(text_content(ENGLISH)), "partial", {"not_ita_report"})
    c.add("english_txt", "english.txt", (ENGLISH + "\n").encode(), "partial", {"not_ita_report"})

    # -- names: spaces, quotes, Thai, a leading dash, very long, a line break and shell syntax
    c.add("name_spaces", "ITA report  2566 .txt", seed_text(0).encode(), "success")
    c.add("name_quotes", "it's the \"final\" report.txt", seed_text(1).encode(), "success")
    c.add("name_thai", "รายงานผลการประเมิน ITA ๒๕๖๖.txt", seed_text(2).encode(), "success")
    c.add("name_dash", "-rf.pdf", born_digital[4].read_bytes(), "success")
    long_name = "รายงาน ITA " + "x" * (200 - len("รายงาน ITA ") - len(".txt")) + ".txt"
    c.add("name_long", long_name, seed_text(3).encode(), "success")
    c.add("name_newline", "two\nlines $(touch x) `id`.txt", seed_text(4).encode(), "success")

    # -- broken and odd images
    page = Image.new("L", (300, 420), 255)
    c.add("truncated_png", "cut.png", png_bytes(page)[:200], "failed", {"unreadable"})
    jpeg = io.BytesIO()
    Image.effect_noise((400, 400), 60).save(jpeg, format="JPEG", quality=80)
    c.add("truncated_jpeg", "cut.jpg", jpeg.getvalue()[: len(jpeg.getvalue()) // 2], "failed", {"unreadable"})
    c.add("tiff_many_frames", "3000 frames.tif", tiff_file(16, 16, frames=3000), "failed", {"too_large"})
    c.add("tiff_zero_size", "zero size.tif", tiff_file(0, 0), "failed", {"unreadable"})
    c.add("one_pixel_png", "one pixel.png", png_bytes(Image.new("L", (1, 1), 0)), "partial", {"not_ita_report"})
    # A blank sheet scanned with the rest (the back of a page): read, and found to hold nothing.
    c.add("blank_scanned_page", "blank scan.pdf",
          one_page_pdf(b"q 595 0 0 842 0 0 cm /Im1 Do Q", resources=b"/XObject << /Im1 6 0 R >>",
                       extra_objects=[image_xobject(Image.new("L", (827, 1169), 255))]),
          "partial", {"not_ita_report"})

    # -- PDFs with no pages to read
    c.add("zero_pages", "no pages.pdf", pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
                                                  b"<< /Type /Pages /Kids [] /Count 0 >>"]),
          "failed", {"unreadable"})
    c.add("page_tree_loop", "page tree loop.pdf", pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 5 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 3 >>"]), "failed", {"unreadable"})

    # -- text in other encodings: UTF-16 with its byte-order mark is read as the UTF-8 seeds are;
    # UTF-16 without one, and TIS-620 (Windows-874, what Thai Windows saves as "ANSI"), are
    # refused, as parsers.markup guesses no encoding (the message says what TIS-620 looks like)
    c.add("utf16_bom", "utf-16.txt", codecs.BOM_UTF16_LE + seed_text(0).encode("utf-16-le"), "success",
          same_as="name_spaces")
    c.add("utf16_no_bom", "utf-16 no bom.txt", seed_text(1).encode("utf-16-le"), "failed", {"not_text"})
    c.add("tis620", "tis-620.txt", seed_text(1).encode("tis-620"), "failed", {"not_text"})

    # -- not a regular file: a symbolic link to itself
    if sys.platform.startswith("linux"):
        loop = folder / "loop.pdf"
        loop.symlink_to(loop.name)
        c.cases["symlink_loop"] = HostileCase(loop, "failed", frozenset({"unreadable"}))
    return c.cases


def undecodable_name(folder: Path, data: bytes) -> Path:
    """A file whose name is not UTF-8: Thai in TIS-620, as an old Windows zip or a Samba share
    leaves it. Python gives such a name with surrogate escapes (\\udcc3...)."""
    folder.mkdir(parents=True, exist_ok=True)
    raw = os.path.join(os.fsencode(folder), "รายงาน ITA".encode("tis-620") + b".txt")
    with open(raw, "wb") as f:
        f.write(data)
    return Path(os.fsdecode(raw))
