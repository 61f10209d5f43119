-- Targets down the hierarchy (层层加码): each single-year target of a government beside the target for the same
-- indicator, measure, year and base unit set by its parent and by every government above it (one row per target and
-- government above), when the warehouse holds that government's report.
-- Bounds are never compared as if equal: both are shown. A range counts as its midpoint in the gap and the ratio;
-- "set higher" is decided only when one target lies wholly above or at/below the other, so a range overlapping the
-- other target leaves it NULL.
-- A government whose place is unresolved (青山区 without its city) has no parent, hence no rows here: the reason
-- is in dim_governments.no_parent_reason.
with governments as (
    select government_id, name, level, city, province, parent_id from {{ ref('dim_governments') }}
),

ancestry as (
    -- every government above each one: parent, grandparent, great-grandparent (county > city > province > 全国
    -- is the deepest chain the levels allow, so three joins reach every ancestor)
    select g.government_id, g.parent_id as ancestor_id, 1 as generations_up
    from governments as g
    where g.parent_id is not null
    union all
    select g.government_id, p.parent_id, 2
    from governments as g
    inner join governments as p on p.government_id = g.parent_id
    where p.parent_id is not null
    union all
    select g.government_id, gp.parent_id, 3
    from governments as g
    inner join governments as p on p.government_id = g.parent_id
    inner join governments as gp on gp.government_id = p.parent_id
    where gp.parent_id is not null
),

targets as (
    select * from {{ ref('int_targets_picked_per_government_year') }}
),

reports_for_year as (
    -- whether a government above holds a report planning for the year, to tell a target it did not set from a
    -- report the warehouse does not hold
    select p.government_id, r.plan_year as year, min(r.report_id) as report_id
    from {{ ref('int_reports_placed_in_hierarchy') }} as p
    inner join {{ ref('int_reports_joined_to_file_state') }} as r using (report_id)
    where not r.withdrawn and r.plan_year is not null
    group by all
),

paired as (
    select
        t.government_id,
        t.district,
        g.level,
        g.city,
        g.province,
        t.indicator,
        t.measure,
        t.year,
        t.unit,
        t.unit_key,
        t.indicator_value_id,
        t.report_id,
        t.value,
        t.value_high,
        t.bound,
        t.commitment,
        t.evidence,
        t.n_stated,
        a.ancestor_id,
        up.name as ancestor_name,
        up.level as ancestor_level,
        a.generations_up,
        u.indicator_value_id as ancestor_indicator_value_id,
        coalesce(u.report_id, ry.report_id) as ancestor_report_id,
        {{ in_unit_of('u', 't') }} as ancestor_value,
        case
            when u.value_high is null then null
            when u.unit = t.unit then u.value_high
            when t.value_base is not null and t.value <> 0 and t.value_base <> 0
                then round(u.value_high_base * t.value / t.value_base, 6)
        end as ancestor_value_high,
        u.value as ancestor_value_as_written,
        u.unit as ancestor_unit,
        u.bound as ancestor_bound,
        u.commitment as ancestor_commitment,
        u.evidence as ancestor_evidence,
        case
            when u.indicator_value_id is not null then 'paired'
            when ry.report_id is not null then 'no_ancestor_target'
            else 'no_ancestor_report'
        end as pairing
    from targets as t
    inner join ancestry as a using (government_id)
    inner join governments as g on g.government_id = t.government_id
    inner join governments as up on up.government_id = a.ancestor_id
    left join targets as u
        on u.government_id = a.ancestor_id
        and u.indicator = t.indicator
        and u.measure = t.measure
        and u.year = t.year
        and u.unit_key = t.unit_key
    left join reports_for_year as ry on ry.government_id = a.ancestor_id and ry.year = t.year
),

spans as (
    select
        paired.*,
        coalesce(value_high, value) as value_top,
        coalesce(ancestor_value_high, ancestor_value) as ancestor_top,
        -- indicators.csv says where lower is better (失业率, 居民消费价格涨幅)
        coalesce(i.lower_is_better, false) as lower_is_better
    from paired
    left join {{ ref('indicators') }} as i on i.indicator = paired.indicator
)

select
    md5(concat_ws('|', government_id, indicator, measure, year, unit_key, ancestor_id)) as escalation_id,
    government_id,
    district,
    level,
    city,
    province,
    indicator,
    measure,
    year,
    unit,
    value,
    value_high,
    bound,
    commitment,
    ancestor_id,
    ancestor_name,
    ancestor_level,
    generations_up,
    ancestor_value,
    ancestor_value_high,
    ancestor_bound,
    ancestor_commitment,
    pairing,
    bound = ancestor_bound as same_bound,
    case when measure in ('growth', 'share', 'rate')
        then round((value + value_top) / 2 - (ancestor_value + ancestor_top) / 2, 6)
    end as gap_points,
    case when measure in ('level', 'count')
        then round((value + value_top) / nullif(ancestor_value + ancestor_top, 0), 6)
    end as ratio,
    case
        when value > ancestor_top then true
        when value_top <= ancestor_value then false
    end as set_higher,
    case
        when lower_is_better then
            case when value_top < ancestor_value then true when value >= ancestor_top then false end
        when value > ancestor_top then true
        when value_top <= ancestor_value then false
    end as more_ambitious,
    n_stated,
    indicator_value_id,
    report_id,
    evidence,
    ancestor_indicator_value_id,
    ancestor_report_id,
    ancestor_value_as_written,
    ancestor_unit,
    ancestor_evidence
from spans
-- pairs first, so that the first rows (the Dagster preview) show targets side by side
order by pairing <> 'paired', year desc, government_id, indicator, measure, generations_up
