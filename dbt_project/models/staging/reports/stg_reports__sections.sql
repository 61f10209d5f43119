select
    cast(report_id as varchar) as report_id,
    cast(section_id as varchar) as section_id,
    cast(parent_id as varchar) as parent_id,
    cast(level as integer) as level,
    cast(ordinal as integer) as ordinal,
    cast(title as varchar) as title,
    cast(kind as varchar) as kind,
    cast(period_start as integer) as period_start,
    cast(period_end as integer) as period_end,
    cast(char_start as integer) as char_start,
    cast(char_end as integer) as char_end
from {{ source('raw', 'sections') }}
