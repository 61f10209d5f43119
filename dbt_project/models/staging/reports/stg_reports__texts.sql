select
    cast(report_id as varchar) as report_id,
    cast(source_file as varchar) as source_file,
    cast(source_encoding as varchar) as source_encoding,
    cast(source_format as varchar) as source_format,
    cast(text as varchar) as report_text,
    cast(n_chars as integer) as n_chars,
    cast(ingested_at as timestamp) as ingested_at
from {{ source('raw', 'report_texts') }}
