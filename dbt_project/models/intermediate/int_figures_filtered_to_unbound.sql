{{ config(**per_report_incremental()) }}
-- Incremental per report (macros/incremental_reports.sql): each report's unbound figures, so that
-- fct_unbound_figures, whose counts span reports, reads these rows instead of every figure of every report.
with unbound as (
    select f.*, r.source_file, r.district
    from {{ ref('int_figures_scaled_to_base') }} as f
    inner join {{ ref('int_reports_joined_to_file_state') }} as r using (report_id)
    where f.indicator is null
      and nullif(trim(f.subject), '') is not null
      and f.measure in ('level', 'growth', 'share', 'rate')
      and {{ only_changed_reports('f.report_id') }}
)

select
    report_id,
    figure_id,
    source_file,
    district,
    subject,
    value,
    unit,
    value_base,
    unit_base,
    measure,
    status,
    year,
    span_years,
    bound,
    section_id,
    sentence,
    evidence,
    char_start,
    char_end
from unbound
-- the grain holds even if a malformed report repeats a figure id (staging only warns about it)
qualify row_number() over (partition by report_id, figure_id order by char_start) = 1
