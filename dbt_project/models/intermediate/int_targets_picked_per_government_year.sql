-- One single-year target per government, indicator, measure, year and base unit, to set beside the targets of the
-- governments above it. A report may state two for the same year (增长7%左右,力争7.5%), and two reports may both
-- state one: the report planning for that year wins (then the latest), and within it the first target that is not
-- a stretch goal (力争), so the expected target is compared, not the stretch.
with targets as (
    select
        t.*,
        p.government_id,
        coalesce(t.unit_base, t.unit) as unit_key
    from {{ ref('fct_targets') }} as t
    inner join {{ ref('int_reports_placed_in_hierarchy') }} as p using (report_id)
    where not t.withdrawn
      and t.span_years = 1
      and t.year is not null
)

select
    *,
    count(*) over (partition by government_id, indicator, measure, year, unit_key) as n_stated
from targets
qualify row_number() over (
    partition by government_id, indicator, measure, year, unit_key
    order by
        (plan_year = year) desc nulls last,
        report_year desc nulls last,
        report_id,
        case commitment when 'strive' then 1 else 0 end,
        figure_id
) = 1
