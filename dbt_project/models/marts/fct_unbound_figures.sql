-- Figures that look like indicator values but matched no alias: what to add to indicator_aliases.csv next.
with unbound as (
    select f.*, r.source_file, r.district
    from {{ ref('int_figures_scaled_to_base') }} as f
    inner join {{ ref('int_reports_current') }} as r using (report_id)
    where f.indicator is null
      and nullif(trim(f.subject), '') is not null
      and f.measure in ('level', 'growth', 'share', 'rate')
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
    char_end,
    count(distinct report_id) over (partition by subject) as n_reports,
    count(*) over (partition by subject) as n_figures
from unbound
-- the grain holds even if a malformed report repeats a figure id (staging only warns about it)
qualify row_number() over (partition by report_id, figure_id order by char_start) = 1
