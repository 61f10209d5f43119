{{ config(**per_report_incremental()) }}
-- Incremental per report: macros/incremental_reports.sql.
select
    t.report_id,
    t.topic,
    t.section_kind,
    t.tokens,
    t.total_tokens,
    t.tokens / nullif(t.total_tokens, 0) as share,
    r.district,
    r.source_file,
    r.report_year,
    r.plan_year,
    r.withdrawn
from {{ ref('stg_reports__topic_counts') }} as t
inner join {{ ref('int_reports_joined_to_file_state') }} as r using (report_id)
where {{ only_changed_reports('t.report_id') }}
-- the grain holds even if the counter repeats a topic (staging only warns about it)
qualify row_number() over (partition by t.report_id, t.topic, t.section_kind order by t.tokens desc) = 1
