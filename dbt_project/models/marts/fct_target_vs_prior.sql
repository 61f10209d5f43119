-- Each target of a current report beside the result for the year before it (same district, indicator, measure and
-- base unit), and beside the result for the target year itself from a later report, when one exists.
-- A multi-year target (span 5, e.g. 到2026年 / 年均) is compared with the term before it: a five-year growth with the
-- previous five-year growth, a level with the level at the end of the previous term.
with targets as (
    select *, coalesce(unit_base, unit) as unit_key
    from {{ ref('fct_targets') }}
    where district is not null
      and not withdrawn
),

results as (
    select * from {{ ref('int_results_by_district_year') }}
),

paired as (
    select
        t.report_id,
        t.source_file,
        t.district,
        t.indicator,
        t.measure,
        t.year as target_year,
        t.span_years,
        t.horizon,
        t.value as target_value,
        t.value_high as target_value_high,
        t.bound as target_bound,
        t.commitment,
        t.unit,
        t.evidence as target_evidence,
        p.year as prior_year,
        p.span_years as prior_span_years,
        {{ in_unit_of('p', 't') }} as prior_value,
        p.value as prior_value_as_written,
        p.unit as prior_unit,
        p.status as prior_status,
        p.report_id as prior_report_id,
        p.evidence as prior_evidence,
        {{ in_unit_of('l', 't') }} as later_actual_value,
        l.status as later_actual_status,
        l.report_id as later_report_id,
        l.evidence as later_evidence
    from targets as t
    left join results as p
        on p.district = t.district
        and p.indicator = t.indicator
        and p.measure = t.measure
        and p.unit_key = t.unit_key
        and p.year = t.year - t.span_years
        and p.span_years = case when t.measure = 'growth' then t.span_years else 1 end
    left join results as l
        on l.district = t.district
        and l.indicator = t.indicator
        and l.measure = t.measure
        and l.unit_key = t.unit_key
        and l.year = t.year
        and l.span_years = t.span_years
        and l.report_id <> t.report_id
        and l.source_review_year >= t.year
)

select
    *,
    round(target_value - prior_value, 6) as change,
    case
        when later_actual_value is null then null
        when target_bound = 'max' then later_actual_value <= target_value
        when target_bound in ('min', 'range') then later_actual_value >= target_value
        {%- set lower_is_better = var('lower_is_better_indicators', []) %}
        {%- if lower_is_better %}
        when indicator in ('{{ lower_is_better | join("', '") }}') then later_actual_value <= target_value
        {%- endif %}
        else later_actual_value >= target_value
    end as met
from paired
