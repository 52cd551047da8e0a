"""Split a PDF into one PDF per page by copying the bytes of its objects (R30 letters).

A small pure module: no Odoo import. The reminder cron renders a batch of one-page letters in
one wkhtmltopdf run; PyPDF2 takes about 6 ms to write each page out again (it parses and
re-serialises every object, the shared fonts included, once per page). Here the file is read
once: the cross-reference table gives each object's bytes, each page's objects are found by
following the references of its dictionaries, and the objects the pages share (fonts, graphic
states) are renumbered and written once into a common prefix. Each one-page file is then the
prefix, the page's own objects and a new cross-reference table: a few joins of bytes.

Only plain files are handled: one revision with a classic cross-reference table (no object
streams, no encryption), a flat page tree with no inherited page attributes, pages that do not
refer to each other (links) — which is what wkhtmltopdf writes. Anything else raises
:class:`PdfSplitError`, and the caller falls back to a general PDF library.
"""

import re

HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
INHERITABLE = (b"/Resources", b"/MediaBox", b"/CropBox", b"/Rotate")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION = re.compile(rb"\s*(\d+) (\d+)\s+")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])\s{1,2}")
_REF = re.compile(rb"(\d+) (\d+) R\b")
_STREAM_START = re.compile(rb">>\s*stream(?:\r\n|\n)")
_NAMED_REF = rb"/%s\s+(\d+) 0 R\b"


class PdfSplitError(ValueError):
    """The file is not of the plain kind this splitter copies; use a PDF library instead."""


def _objects(data):
    """{object number: its content between `N 0 obj` and `endobj`}, and the trailer bytes."""
    tail = _STARTXREF.search(data, max(len(data) - 64, 0))
    if not tail:
        raise PdfSplitError("no startxref")
    position = int(tail[1])
    if data[position : position + 4] != b"xref":
        raise PdfSplitError("no classic cross-reference table")
    position += 4
    offsets = {}
    while True:
        section = _SUBSECTION.match(data, position)
        if not section:
            break
        first, count = int(section[1]), int(section[2])
        position = section.end()
        for number in range(first, first + count):
            entry = _ENTRY.match(data, position)
            if not entry:
                raise PdfSplitError("bad cross-reference entry")
            position = entry.end()
            if entry[3] == b"n":
                if entry[2] != b"00000":
                    raise PdfSplitError("object generations")
                offsets[number] = int(entry[1])
    trailer = data[position : tail.start()]
    if not trailer.lstrip().startswith(b"trailer") or b"/Prev" in trailer or b"/Encrypt" in trailer:
        raise PdfSplitError("several revisions or encryption")
    # an object runs up to the next one (or the cross-reference table)
    starts = sorted(offsets.items(), key=lambda item: item[1])
    ends = [offset for _number, offset in starts[1:]] + [int(tail[1])]
    objects = {}
    for (number, start), end in zip(starts, ends, strict=True):
        head = b"%d 0 obj" % number
        if data[start : start + len(head)] != head:
            raise PdfSplitError("cross-reference offset off its object")
        stop = data.rfind(b"endobj", start, end)
        if stop < 0:
            raise PdfSplitError("object without endobj")
        objects[number] = data[start + len(head) : stop]
    return objects, trailer


def _split_stream(content):
    """(dictionary part, stream part) of an object's content; references live in the first."""
    if not content.rstrip().endswith(b"endstream"):
        return content, b""
    start = _STREAM_START.search(content)
    if not start:
        raise PdfSplitError("stream without dictionary")
    return content[: start.start() + 2], content[start.start() + 2 :]


def _ref(dictionary, key):
    found = re.search(_NAMED_REF % key, dictionary)
    if not found:
        raise PdfSplitError(f"no /{key.decode()}")
    return int(found[1])


def split_pages(data):
    """One PDF (bytes) per page of the PDF `data`, in page order.

    :raises PdfSplitError: when `data` is not a plain file (see the module docstring)
    """
    objects, trailer = _objects(data)
    parts = {number: _split_stream(content) for number, content in objects.items()}
    refs = {number: [int(r[0]) for r in _REF.findall(part[0])] for number, part in parts.items()}
    if any(int(r[1]) for part in parts.values() for r in _REF.findall(part[0])):
        raise PdfSplitError("object generations")
    root = _ref(trailer, b"Root")
    pages_root = _ref(parts[root][0], b"Pages")
    tree = parts[pages_root][0]
    if any(key in tree for key in INHERITABLE):
        raise PdfSplitError("inherited page attributes")
    pages = refs[pages_root]
    if any(b"/Type /Pages" in parts[page][0] for page in pages):
        raise PdfSplitError("nested page tree")
    page_set = set(pages)

    closures = []
    for page in pages:
        seen, todo = {page}, [page]
        while todo:
            for target in refs[todo.pop()]:
                if target == pages_root or target in seen:
                    continue
                if target in page_set or target == root or target not in parts:
                    raise PdfSplitError("a page refers to another page or a missing object")
                seen.add(target)
                todo.append(target)
        closures.append(seen)
    use = {}
    for closure in closures:
        for number in closure:
            use[number] = use.get(number, 0) + 1
    shared = sorted(number for number, count in use.items() if count > 1)
    if set(shared) & page_set:
        raise PdfSplitError("a page object is shared")

    # 1 catalog, 2 page tree, 3… shared objects, then each page's own objects, the page first
    numbering = {pages_root: 2}
    numbering.update((number, index) for index, number in enumerate(shared, start=3))
    first_own = len(shared) + 3

    def write(number, new_number, mapping):
        dictionary, stream = parts[number]
        body = _REF.sub(lambda ref: b"%d 0 R" % mapping[int(ref[1])], dictionary)
        return b"%d 0 obj%s%sendobj\n" % (new_number, body, stream)

    prefix = [
        HEADER,
        b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
        b"2 0 obj\n<< /Type /Pages /Kids [%d 0 R] /Count 1 >>\nendobj\n" % first_own,
    ]
    prefix += [write(number, numbering[number], numbering) for number in shared]
    prefix_offsets, length = [], 0
    for chunk in prefix:
        prefix_offsets.append(length)
        length += len(chunk)
    prefix_offsets = prefix_offsets[1:]  # the header is no object
    prefix_bytes = b"".join(prefix)

    letters = []
    for page, closure in zip(pages, closures, strict=True):
        own = [page] + sorted(closure.difference(shared, (page,)))
        mapping = dict(numbering)
        mapping.update((number, index) for index, number in enumerate(own, start=first_own))
        out, offsets, length = [prefix_bytes], list(prefix_offsets), len(prefix_bytes)
        for number in own:
            chunk = write(number, mapping[number], mapping)
            offsets.append(length)
            out.append(chunk)
            length += len(chunk)
        xref_at = length
        size = first_own + len(own)
        out.append(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        out.extend(b"%010d 00000 n \n" % offset for offset in offsets)
        out.append(
            b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_at)
        )
        letters.append(b"".join(out))
    return letters
