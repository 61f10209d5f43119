"""Every mart column is described in English with the Chinese term users know (dbt docs, issue 7)."""
from __future__ import annotations

import json
import re

import duckdb

CJK = re.compile("[\u4e00-\u9fff]")
DOC_REF = re.compile(r"\{\{\s*doc\('([^']+)'\)\s*\}\}")


def test_every_mart_column_has_a_description_with_its_chinese_term(sample_warehouse, dbt_manifest):
    manifest = json.loads(dbt_manifest.read_text(encoding="utf-8"))
    docs = {d["name"]: d["block_contents"] for d in manifest["docs"].values()}
    con = duckdb.connect(str(sample_warehouse), read_only=True)
    lacking = []
    try:
        for node in manifest["nodes"].values():
            if node["resource_type"] != "model" or node["schema"] != "marts":
                continue
            columns = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_schema = 'marts' and table_name = ?",
                [node["name"]]).fetchall()]
            assert columns, node["name"]
            for column in columns:
                text = node["columns"].get(column, {}).get("description", "")
                text = DOC_REF.sub(lambda m: docs.get(m.group(1), ""), text)
                if not (text and CJK.search(text)):
                    lacking.append(f"{node['name']}.{column}")
    finally:
        con.close()
    assert lacking == []
