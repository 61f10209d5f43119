"""Plain reporting functions over the warehouse (charts, previews): no Dagster."""
