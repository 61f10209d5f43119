select
    cast(source_file as varchar) as source_file,
    cast(content_sha as varchar) as content_sha,
    cast(size_bytes as bigint) as size_bytes,
    cast(modified_at as timestamp) as modified_at,
    cast(report_id as varchar) as report_id,
    lower(cast(status as varchar)) as file_status,
    cast(reason as varchar) as reason,
    cast(source_encoding as varchar) as source_encoding,
    cast(source_format as varchar) as source_format,
    cast(detected_at as timestamp) as detected_at
from {{ source('raw', 'report_files') }}
