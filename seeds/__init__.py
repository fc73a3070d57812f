"""The seed articles shipped with newsdb: one folder each, its text and annotations.yaml.

The annotation format is described in src/newsdb/annotation.py; annotation.schema.json is
its JSON Schema (regenerate with `newsdb schema > seeds/annotation.schema.json`).
"""
