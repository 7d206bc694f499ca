"""A generated corpus of plans rendered as real documents, and the held-out discipline that
measures the importer on it (see README.md in this folder).

    from bench.corpus import build_document, generate_plan, layouts
    doc = build_document(layouts()[0], 0, seed=1)   # one plan rendered, cached in var/corpus/

The package is bench code: it imports Jalon's pure cores (interchange, importers) and no Django.
"""

from .build import CorpusDocument, build_document, corpus_dir, seed_documents
from .plans import CorpusPlan, Style, generate_plan
from .registry import HELD_OUT, LAYOUTS, TUNING, Layout, layouts

__all__ = [
    "HELD_OUT",
    "LAYOUTS",
    "TUNING",
    "CorpusDocument",
    "CorpusPlan",
    "Layout",
    "Style",
    "build_document",
    "corpus_dir",
    "generate_plan",
    "layouts",
    "seed_documents",
]
