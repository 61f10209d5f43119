"""One dynamic partition per inbox file; the key is the file's path relative to the inbox."""
import dagster as dg

report_partitions = dg.DynamicPartitionsDefinition(name="reports")
