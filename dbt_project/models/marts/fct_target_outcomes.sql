-- Each target beside the result the same government reports for that year in a later report (from
-- fct_target_vs_prior, which pairs them), with the government's level and whether the target was met, decided with
-- its bound:
--   以上 (min): a floor, met when the result is at or above it;  以内 (max): a ceiling, met at or below it;
--   a range: met at or above its low end (at or below its high end for an indicator where lower is better);
--   左右 (approx): met when the result falls short by no more than var approx_tolerance_points percentage points
--   (growth, shares, rates) or var approx_tolerance_share of the target (levels, counts);
--   a plain figure (eq): met at or above it (at or below it where lower is better).
-- Lower is better for a ceiling (以内) and for the indicators whose lower_is_better is true in
-- indicators.csv (失业率, 居民消费价格涨幅).
{%- set points = var('approx_tolerance_points', 0.5) %}
{%- set share = var('approx_tolerance_share', 0.02) %}
with targets as (
    select
        v.*,
        p.government_id,
        g.level,
        case
            when v.target_bound = 'max' then true
            when v.target_bound = 'min' then false
            else coalesce(i.lower_is_better, false)
        end as lower_is_better,
        case
            when coalesce(v.target_bound, 'eq') <> 'approx' then 0
            when v.measure in ('growth', 'share', 'rate') then {{ points }}
            else round(abs(v.target_value) * {{ share }}, 6)
        end as tolerance
    from {{ ref('fct_target_vs_prior') }} as v
    left join {{ ref('int_reports_placed_in_hierarchy') }} as p using (report_id)
    left join {{ ref('dim_governments') }} as g using (government_id)
    left join {{ ref('indicators') }} as i on i.indicator = v.indicator
),

judged as (
    select
        *,
        -- the figure the result is held against: a range's high end when lower is better, else the target (its
        -- low end), moved by the 左右 tolerance
        case
            when target_bound = 'range' and lower_is_better then coalesce(target_value_high, target_value)
            else target_value
        end as decisive_value
    from targets
)

select
    indicator_value_id,
    report_id,
    government_id,
    district,
    level,
    city,
    province,
    indicator,
    measure,
    target_year,
    span_years,
    horizon,
    target_value,
    target_value_high,
    target_bound,
    commitment,
    unit,
    later_actual_value as result_value,
    later_actual_status as result_status,
    round(later_actual_value - decisive_value, 6) as result_minus_target,
    lower_is_better,
    tolerance,
    case
        when later_actual_value is null then null
        when lower_is_better then later_actual_value <= round(decisive_value + tolerance, 6)
        else later_actual_value >= round(decisive_value - tolerance, 6)
    end as met,
    case
        when target_bound = 'approx' and measure in ('growth', 'share', 'rate') then
            (case when lower_is_better then 'at most the target plus ' else 'at least the target less ' end)
            || '{{ points }} points (左右)'
        when target_bound = 'approx' then
            (case when lower_is_better then 'at most the target plus ' else 'at least the target less ' end)
            || '{{ '%g' | format(share * 100) }}% of it (左右)'
        when target_bound = 'range' and lower_is_better then 'at most the high end of the range'
        when target_bound = 'range' then 'at least the low end of the range'
        when target_bound = 'max' then 'at most the ceiling (以内)'
        when target_bound = 'min' then 'at least the floor (以上)'
        when lower_is_better then 'at most the target'
        else 'at least the target'
    end as met_rule,
    target_evidence,
    later_report_id as result_report_id,
    later_evidence as result_evidence
from judged
-- targets with a result first, so that the first rows (the Dagster preview) show outcomes
order by later_actual_value is null, target_year desc, government_id, indicator, measure
