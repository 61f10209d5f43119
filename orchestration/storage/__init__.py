"""Storage of parsed reports: raw table schema, per-report Parquet parts, loading into DuckDB, publishing."""
