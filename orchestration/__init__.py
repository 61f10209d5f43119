"""A DuckDB warehouse of Chinese local government work reports, built by Dagster and dbt."""
