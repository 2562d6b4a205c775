"""The bare docxtpl peer: what a script written by hand would do with the same data and the same template.

    .venv/bin/python bench/peer_docxtpl.py CONTEXT.json TEMPLATE.docx OUT.docx

It loads the JSON dump of kehoach's render context (bench/dump_context.py, made before timing) and fills
the same Word template with docxtpl, nothing else: no YAML, no validation, no checks, no sandbox, no
rule lengths or document properties, no deterministic zip, no atomic write.
"""

import json
import sys

from docxtpl import DocxTemplate

context_path, template_path, out_path = sys.argv[1:4]
with open(context_path, encoding="utf-8") as f:
    context = json.load(f)
document = DocxTemplate(template_path)
document.render(context, autoescape=True)
document.save(out_path)
