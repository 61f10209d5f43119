"""The work of one partition (one inbox file), as plain functions the Dagster assets call."""
