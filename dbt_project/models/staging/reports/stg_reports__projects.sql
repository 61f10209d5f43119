select
    cast(report_id as varchar) as report_id,
    cast(project_name as varchar) as project_name,
    cast(status as varchar) as status,
    cast(year as integer) as year,
    cast(investment_value_base as double) as investment_value_base,
    cast(investment_text as varchar) as investment_text,
    cast(section_id as varchar) as section_id,
    cast(sentence as varchar) as sentence,
    cast(char_start as integer) as char_start,
    cast(char_end as integer) as char_end
from {{ source('raw', 'projects') }}
