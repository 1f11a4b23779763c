"""zhpress: bilingual publishing and translation static site generator.

The pipeline runs in one direction:
sources/ -> ingest -> docs/ -> convert -> translate -> site (mkdocs-material) -> build/site
Each stage is a subpackage named after it.
"""

__version__ = "0.1.0"
