-- One result per place, indicator and year across all current reports: the series economists chart.
select
    r.district,
    r.city,
    r.province,
    r.indicator,
    i.name_zh as indicator_name_zh,
    r.measure,
    r.year,
    r.span_years,
    r.status,
    r.value,
    r.unit,
    r.value_base,
    r.unit_base,
    r.bound,
    r.value_high,
    r.report_id,
    r.source_review_year,
    r.n_candidates,
    r.evidence
from {{ ref('int_results_picked_per_district_year') }} as r
left join {{ ref('dim_indicators') }} as i using (indicator)
