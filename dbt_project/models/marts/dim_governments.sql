-- One row per government (政府) that has a report in the warehouse or stands above one: the national government
-- (全国), provinces, cities, counties and districts, each with its parent (int_reports_placed_in_hierarchy says how
-- a report's government is placed). A city or province no report of the warehouse comes from is still a row when a
-- report below it needs it as a parent; it simply has no reports.
with placed_reports as (
    select p.*, r.withdrawn, coalesce(r.plan_year, r.report_year) as year
    from {{ ref('int_reports_placed_in_hierarchy') }} as p
    inner join {{ ref('int_reports_joined_to_file_state') }} as r using (report_id)
),

reporting as (
    select government_id, name, level, tier, city, province, parent_id, placement, no_parent_reason
    from placed_reports
    -- one government_id has one place; only an unplaced one can be written with several levels
    qualify row_number() over (partition by government_id order by level nulls last, report_id) = 1
),

report_counts as (
    select
        government_id,
        count(*) filter (where not withdrawn) as n_reports,
        min(year) filter (where not withdrawn) as first_year,
        max(year) filter (where not withdrawn) as last_year
    from placed_reports
    group by government_id
),

ancestors as (
    -- the city above each placed county or district that has one
    select distinct
        parent_id as government_id, city as name, 'city' as level, 'city' as tier, city, province,
        province as parent_id
    from reporting
    where tier = 'county' and parent_id is not null and parent_id <> province
    union all
    -- the province above every placed government
    select distinct
        province, province, 'province', 'province', null, province, '全国'
    from reporting
    where placement in ('gazetteer', 'report')
    union all
    select distinct '全国', '全国', 'national', 'national', null, null, null
    from reporting
    where placement in ('national', 'gazetteer', 'report')
),

governments as (
    select * from reporting
    union all
    select distinct
        a.government_id, a.name, a.level, a.tier, a.city, a.province, a.parent_id,
        -- the same rules placed it: a parent named by the gazetteer or by its child's report
        'parent' as placement, null as no_parent_reason
    from ancestors as a
    where a.government_id not in (select government_id from reporting)
),

gazetteer as (
    select * from {{ ref('stg_dictionaries__gazetteer') }}
),

units as (
    -- the gazetteer row of each placed government; a current one first
    select g.government_id, u.adcode, u.short, u.is_current
    from governments as g
    inner join gazetteer as u
        on u.name = g.name
        and u.tier = g.tier
        and u.province = g.province
        and (g.tier <> 'county' or u.city is not distinct from g.city)
    where g.placement <> 'unresolved'
    qualify row_number() over (partition by g.government_id order by u.is_current desc, u.adcode nulls last) = 1
),

kinds as (
    -- the longest suffix of the name among those of its tier (县级市 is a 市 of the county tier)
    select g.government_id, k.suffix, k.kind_zh, k.kind_en
    from governments as g
    inner join {{ ref('government_kinds') }} as k
        on k.tier = g.tier and g.name like '%' || k.suffix
    qualify row_number() over (partition by g.government_id order by length(k.suffix) desc) = 1
),

described as (
    select
        g.*,
        u.adcode,
        u.is_current,
        -- the name without its suffix, for a name the gazetteer lacks (清苑县 -> 清苑)
        coalesce(u.short, nullif(left(g.name, length(g.name) - length(k.suffix)), '')) as short,
        k.kind_zh,
        k.kind_en
    from governments as g
    left join units as u using (government_id)
    left join kinds as k using (government_id)
),

renamed as (
    -- today's name of an abolished or renamed unit: the current unit of the same adcode (桥东区 -> 襄都区), else the
    -- current unit of the same short name in the same city and province (清苑县 -> 清苑区); kept only when one fits
    select d.government_id, min(u.name) as name_today
    from described as d
    inner join gazetteer as u
        on u.is_current
        and u.tier = d.tier
        and u.province = d.province
        and (
            u.adcode = d.adcode
            or (u.short = d.short and (d.tier <> 'county' or u.city is not distinct from d.city))
        )
    where d.placement in ('gazetteer', 'report', 'parent')
      and not coalesce(d.is_current, false)
    group by d.government_id
    having count(distinct u.name) = 1
)

select
    d.government_id,
    d.name,
    case
        when d.level = 'national' or d.is_current then d.name
        else rn.name_today
    end as name_today,
    d.level,
    d.kind_zh,
    d.kind_en,
    d.city,
    d.province,
    d.adcode,
    d.parent_id,
    p.name as parent_name,
    p.level as parent_level,
    -- a county-level unit under its province, not a city: 仙桃市, 神农架林区 (a municipality's district is not)
    coalesce(d.tier = 'county' and p.level = 'province' and p.kind_zh <> '直辖市', false) as is_directly_administered,
    d.placement,
    d.no_parent_reason,
    coalesce(c.n_reports, 0) as n_reports,
    c.first_year,
    c.last_year
from described as d
left join described as p on p.government_id = d.parent_id
left join renamed as rn on rn.government_id = d.government_id
left join report_counts as c on c.government_id = d.government_id
order by d.government_id
