{{ config(**per_report_incremental()) }}
-- Incremental per report: macros/incremental_reports.sql.
select
    s.report_id,
    s.section_id,
    s.parent_id,
    s.level,
    s.ordinal,
    s.title,
    s.kind,
    s.period_start,
    s.period_end,
    s.char_start,
    s.char_end,
    r.district,
    r.source_file
from {{ ref('stg_reports__sections') }} as s
inner join {{ ref('int_reports_joined_to_file_state') }} as r using (report_id)
where {{ only_changed_reports('s.report_id') }}
-- the grain holds even if a malformed report repeats a section id (staging only warns about it)
qualify row_number() over (partition by s.report_id, s.section_id order by s.ordinal, s.char_start) = 1
