#!/usr/bin/env python3
"""Merge an addon's gettext template into its zh_CN translation, like msgmerge.

Usage:
    python3 setup/i18n_merge.py <module_dir> [--lang zh_CN]

Reads <module_dir>/i18n/<module>.pot and <module_dir>/i18n/<lang>.po, then writes the
.po back in the template's order:
  * entries new in the template are added with an empty msgstr;
  * entries no longer in the template (obsolete) are dropped;
  * existing translations (and translator comments, fuzzy flags) are kept;
  * extracted comments (#.), references (#:) and format flags come from the template,
    so Odoo finds the current "#: model:..." lines for model terms.
No fuzzy matching is done: a changed msgid simply becomes a new, untranslated entry.
A missing .po is created from the template.

Prints the msgids still untranslated (empty or fuzzy); exits 1 if there are any,
2 on a usage error, 0 otherwise.
"""

import argparse
import os
import sys

import polib
from cli_log import note, report


def entry_key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def is_translated(entry):
    if "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def merge(pot, po, lang):
    old = {entry_key(e): e for e in po if not e.obsolete}
    merged = polib.POFile(wrapwidth=pot.wrapwidth)
    merged.header = po.header if po.header else pot.header
    metadata = dict(pot.metadata)
    metadata.update(po.metadata)
    if "POT-Creation-Date" in pot.metadata:
        metadata["POT-Creation-Date"] = pot.metadata["POT-Creation-Date"]
    metadata["Language"] = lang
    metadata["Content-Type"] = "text/plain; charset=UTF-8"
    metadata.setdefault("Plural-Forms", "")
    merged.metadata = metadata

    for tpl in pot:
        if tpl.obsolete:
            continue
        entry = polib.POEntry(
            msgctxt=tpl.msgctxt,
            msgid=tpl.msgid,
            msgid_plural=tpl.msgid_plural,
            comment=tpl.comment,
            occurrences=list(tpl.occurrences),
            flags=[f for f in tpl.flags if f != "fuzzy"],
        )
        previous = old.get(entry_key(tpl))
        if previous is not None:
            entry.msgstr = previous.msgstr
            entry.msgstr_plural = dict(previous.msgstr_plural)
            entry.tcomment = previous.tcomment
            if "fuzzy" in previous.flags:
                entry.flags.append("fuzzy")
        elif tpl.msgid_plural:
            entry.msgstr_plural = {0: ""}
        merged.append(entry)
    return merged


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("module_dir", help="addon directory, e.g. aftersales_service")
    parser.add_argument("--lang", default="zh_CN", help="language code (default: zh_CN)")
    args = parser.parse_args(argv)

    module_dir = os.path.abspath(args.module_dir)
    module = os.path.basename(module_dir.rstrip(os.sep))
    pot_path = os.path.join(module_dir, "i18n", f"{module}.pot")
    po_path = os.path.join(module_dir, "i18n", f"{args.lang}.po")
    if not os.path.isfile(pot_path):
        note.info("error: template not found: %s", pot_path)
        return 2

    pot = polib.pofile(pot_path)
    po = polib.pofile(po_path) if os.path.isfile(po_path) else polib.POFile()
    old_keys = {entry_key(e) for e in po if not e.obsolete}
    new_keys = {entry_key(e) for e in pot if not e.obsolete}

    merged = merge(pot, po, args.lang)
    merged.save(po_path)

    untranslated = [e for e in merged if not is_translated(e)]
    report.info(
        "%s: %s entries, %s added, %s obsolete dropped, %s untranslated",
        os.path.relpath(po_path),
        len(merged),
        len(new_keys - old_keys),
        len(old_keys - new_keys),
        len(untranslated),
    )
    for e in untranslated:
        flag = " (fuzzy)" if "fuzzy" in e.flags else ""
        ctx = f"[{e.msgctxt}] " if e.msgctxt else ""
        report.info("  - %s%r%s", ctx, e.msgid, flag)
    return 1 if untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
