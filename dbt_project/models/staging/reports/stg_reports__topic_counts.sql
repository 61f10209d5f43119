select
    cast(report_id as varchar) as report_id,
    cast(topic as varchar) as topic,
    cast(section_kind as varchar) as section_kind,
    cast(tokens as integer) as tokens,
    cast(total_tokens as integer) as total_tokens
from {{ source('raw', 'topic_counts') }}
