-- Each target of a current report beside the result for the year before it (same place, indicator, measure and
-- base unit), and beside the result for the target year itself from a later report, when one exists.
-- A multi-year target (span 5: 到2026年, 年均) is compared with the term before it (prior year = target_year - span).
-- Which results it compares with depends on what it measures: an average growth (年均) or a cumulative total (累计)
-- with the same kind of five-year figure; an end-of-term level, rate or share (到2026年地区生产总值达到900亿元) with
-- the one-year figure of that year.
-- Same place = same district, and the same city and province where both reports name them: a report that leaves
-- its city unknown still pairs, while 青山区 of 武汉市 never pairs with 青山区 of 包头市.
with targets as (
    select
        *,
        coalesce(unit_base, unit) as unit_key,
        case
            when span_years > 1 and (measure = 'growth' or coalesce(comparator, '') like '%累计%') then span_years
            else 1
        end as pair_span_years
    from {{ ref('fct_targets') }}
    where district is not null
      and year is not null  -- a target of an unknown year compares with nothing
      and not withdrawn
),

results as (
    select * from {{ ref('int_results_picked_per_district_year') }}
),

{% set same_place_and_measure %}
        r.district = t.district
        and (r.city = t.city or r.city is null or t.city is null)
        and (r.province = t.province or r.province is null or t.province is null)
        and r.indicator = t.indicator
        and r.measure = t.measure
        and r.unit_key = t.unit_key
{% endset %}
{% set closest_place_first %}
        qualify row_number() over (
            partition by t.indicator_value_id
            order by (r.city is not distinct from t.city) desc, (r.province is not distinct from t.province) desc,
                r.source_review_year desc nulls last, r.report_id
        ) = 1
{% endset %}

prior_results as (
    select t.indicator_value_id, r.*, {{ in_unit_of('r', 't') }} as value_in_target_unit
    from targets as t
    inner join results as r
        on {{ same_place_and_measure }}
        and r.year = t.year - t.span_years
        and r.span_years = t.pair_span_years
    {{ closest_place_first }}
),

later_results as (
    select t.indicator_value_id, r.*, {{ in_unit_of('r', 't') }} as value_in_target_unit
    from targets as t
    inner join results as r
        on {{ same_place_and_measure }}
        and r.year = t.year
        and r.span_years = t.pair_span_years
        and r.report_id <> t.report_id
        and r.source_review_year >= t.year
    {{ closest_place_first }}
),

paired as (
    select
        t.indicator_value_id,
        t.report_id,
        t.source_file,
        t.district,
        t.city,
        t.province,
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
        p.value_in_target_unit as prior_value,
        p.value as prior_value_as_written,
        p.unit as prior_unit,
        p.status as prior_status,
        p.report_id as prior_report_id,
        p.evidence as prior_evidence,
        l.value_in_target_unit as later_actual_value,
        l.status as later_actual_status,
        l.report_id as later_report_id,
        l.evidence as later_evidence
    from targets as t
    left join prior_results as p using (indicator_value_id)
    left join later_results as l using (indicator_value_id)
)

select
    paired.*,
    round(target_value - prior_value, 6) as change,
    case
        when later_actual_value is null then null
        when target_bound = 'max' then later_actual_value <= target_value
        when target_bound in ('min', 'range') then later_actual_value >= target_value
        -- indicators.csv says where lower is better (失业率, 居民消费价格涨幅)
        when i.lower_is_better then later_actual_value <= target_value
        else later_actual_value >= target_value
    end as met
from paired
left join {{ ref('indicators') }} as i using (indicator)
