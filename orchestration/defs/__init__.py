"""Dagster definitions, one module per responsibility; `orchestration/definitions.py` assembles them."""
