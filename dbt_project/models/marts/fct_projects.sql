{{ config(**per_report_incremental()) }}
-- Incremental per report: macros/incremental_reports.sql.
-- The same project named twice with the same status, year and amount in one report is one row (first mention).
with ranked as (
    select
        p.*,
        row_number() over (
            partition by p.report_id, p.project_name, p.status, p.year, p.investment_value_base
            order by p.char_start, p.char_end
        ) as mention_rank
    from {{ ref('stg_reports__projects') }} as p
    where {{ only_changed_reports('p.report_id') }}
)

select
    p.report_id,
    row_number() over (partition by p.report_id order by p.char_start, p.char_end, p.project_name, p.status)
        as project_seq,
    r.district,
    p.year,
    p.project_name,
    p.status,
    p.investment_value_base,
    p.investment_text,
    p.section_id,
    p.sentence,
    p.char_start,
    p.char_end,
    r.source_file,
    r.withdrawn
from ranked as p
inner join {{ ref('int_reports_joined_to_file_state') }} as r using (report_id)
where p.mention_rank = 1
