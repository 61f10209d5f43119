-- A table, not a view: two marts and four tests read it, and as a view each of them ranked every result again.
{{ config(materialized='table') }}
-- The best known result (actual or estimate) per district, indicator, measure, year, span and base unit:
-- an actual beats an estimate (预计), then the report reviewing the latest year wins, as later reports correct
-- earlier estimates. Withdrawn reports and reports without a district cannot be paired and are left out.
-- City and province are part of the key: 青山区 of 武汉市 and 青山区 of 包头市 are different places.
with results as (
    select
        f.*,
        coalesce(f.unit_base, f.unit) as unit_key,
        r.district,
        r.city,
        r.province,
        r.review_year as source_review_year,
        r.report_year as source_report_year,
        r.delivered_on as source_delivered_on
    from {{ ref('int_figures_deduplicated') }} as f
    inner join {{ ref('int_reports_joined_to_file_state') }} as r using (report_id)
    where f.status in ('actual', 'estimate')
      and f.year is not null  -- a result of an unknown year pairs with nothing
      and r.district is not null
      and not r.withdrawn
),

ranked as (
    select
        *,
        row_number() over (
            partition by district, city, province, indicator, measure, year, span_years, unit_key
            order by
                case status when 'actual' then 0 else 1 end,
                source_review_year desc nulls last,
                source_report_year desc nulls last,
                source_delivered_on desc nulls last,
                report_id,
                figure_id
        ) as result_rank,
        count(*) over (
            partition by district, city, province, indicator, measure, year, span_years, unit_key
        ) as n_candidates
    from results
)

select
    district,
    city,
    province,
    indicator,
    measure,
    year,
    span_years,
    unit_key,
    status,
    value,
    unit,
    value_base,
    unit_base,
    bound,
    value_high,
    report_id,
    figure_id,
    source_review_year,
    evidence,
    n_candidates
from ranked
where result_rank = 1
