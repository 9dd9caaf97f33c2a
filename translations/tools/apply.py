#!/usr/bin/env python3
"""Fills translations/quorumstudio_de.ts from de.py (the German texts, keyed by English source).

Run after `cmake --build <dir> --target update_translations`; prints sources still missing a text.
Qt Linguist can edit the .ts directly as well: this script only fills what is empty."""
import pathlib
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from de import DE  # noqa: E402

ts = pathlib.Path(__file__).resolve().parents[1] / "quorumstudio_de.ts"
tree = ET.parse(ts)
missing = []
for message in tree.getroot().iter("message"):
    source = message.find("source").text or ""
    translation = message.find("translation")
    if translation.get("type") == "unfinished" or not (translation.text or "").strip():
        if source in DE:
            translation.text = DE[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
ET.indent(tree, space="    ")
with open(ts, "wb") as f:
    f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(f, encoding="utf-8", xml_declaration=False)
    f.write(b"\n")
for m in missing:
    print("missing:", m)
sys.exit(1 if missing else 0)
