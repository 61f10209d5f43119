select
    source_file,
    coalesce(reason, 'The file was not accepted; the loader gave no reason.') as reason,
    detected_at,
    file_status as status,
    report_id as duplicate_of_report_id,
    content_sha,
    size_bytes,
    source_encoding,
    source_format,
    modified_at
from {{ ref('stg_reports__files') }}
where file_status in ('rejected', 'duplicate')
qualify row_number() over (partition by source_file order by detected_at desc nulls last) = 1
