-- A table, not a view: dim_reports, dim_governments and the target marts all read it.
{{ config(materialized='table') }}
-- Each report's government (政府) in the hierarchy 全国 > province > city > county or district, and its parent.
-- Built on the place the report metadata names (district, city, province, admin_level), never on the text, and
-- checked against the gazetteer:
--   * a name the gazetteer holds once within the city and province the report gives is placed by the gazetteer
--     (its level, city and province win over the report's); a name still in use wins over an abolished one;
--   * a name the gazetteer holds several times there (青山区 of 武汉市 and of 包头市, with no city given) or only
--     elsewhere stays unplaced: no parent, the reason in no_parent_reason;
--   * a name the gazetteer lacks (an abolished county it does not list yet) is placed where the report puts it,
--     when the report gives its level, province and, below city level, a city the gazetteer knows in that province.
-- Parent: a county or district -> its city; one governed directly by its province (仙桃市, 神农架林区) or a
-- municipality's district (东城区 of 北京市) -> the province; a city -> its province; a province -> 全国.
with reports as (
    select report_id, district, city, province, admin_level
    from {{ ref('int_reports_joined_to_file_state') }}
),

gazetteer as (
    select * from {{ ref('stg_dictionaries__gazetteer') }}
),

-- each place once, as reports write it: the hierarchy is worked out per place, not per report
places as (
    select
        *,
        -- a key for each place: city, province and level may be NULL, which plain equality never joins
        row_number() over (order by district, city, province, admin_level) as place_id,
        district = '全国' or coalesce(admin_level = 'national', false) as is_national
    from (select distinct district, city, province, admin_level from reports where district is not null)
),

candidates as (
    -- gazetteer units of that name within the city and province the report names, when it names them
    select
        p.place_id,
        g.level as unit_level, g.tier as unit_tier, g.city as unit_city, g.province as unit_province
    from places as p
    inner join gazetteer as g
        on g.name = p.district
        and (p.province is null or g.province = p.province)
        -- a city's or province's report may name itself as its city
        and (p.city is null or g.city = p.city or p.city = p.district)
    where not p.is_national
    -- a name in use wins over an abolished one of the same name (定州市 of 保定市 over the old directly governed one)
    qualify g.is_current
        or not bool_or(g.is_current) over (partition by p.place_id)
),

matches as (
    select
        place_id,
        count(distinct concat_ws('/', unit_province, unit_city, unit_level)) as n_units,
        min(unit_level) as unit_level,
        min(unit_tier) as unit_tier,
        min(unit_city) as unit_city,
        min(unit_province) as unit_province,
        string_agg(distinct coalesce(unit_city, unit_province), '、' order by coalesce(unit_city, unit_province))
            as unit_places
    from candidates
    group by all
),

known as (
    select name, string_agg(distinct coalesce(city, province), '、' order by coalesce(city, province)) as places
    from gazetteer
    group by name
),

known_parents as (
    -- cities and provinces a county the gazetteer lacks may be placed under, by the report's word
    select distinct name, province from gazetteer where tier in ('city', 'province')
),

decided as (
    select
        p.*,
        m.n_units,
        m.unit_level,
        m.unit_tier,
        m.unit_city,
        m.unit_province,
        case
            when p.is_national then 'national'
            when m.n_units = 1 then 'gazetteer'
            when m.n_units > 1 or k.name is not null then 'unresolved'
            when p.admin_level = 'city' and p.province in (select name from gazetteer where tier = 'province')
                then 'report'
            when p.admin_level in ('district', 'county') and exists (
                select 1 from known_parents as kp where kp.name = p.city and kp.province = p.province
            ) then 'report'
            else 'unresolved'
        end as placement,
        m.unit_places,
        k.places as known_places
    from places as p
    left join matches as m using (place_id)
    left join known as k on k.name = p.district
),

placed as (
    select
        district,
        city,
        province,
        admin_level,
        placement,
        case placement
            when 'national' then 'national'
            when 'gazetteer' then unit_level
            else admin_level
        end as level,
        case placement
            when 'gazetteer' then unit_city
            when 'report' then case when admin_level = 'city' then district else city end
            when 'unresolved' then city
        end as resolved_city,
        case placement
            when 'gazetteer' then unit_province
            when 'national' then null
            else province
        end as resolved_province,
        case
            when placement <> 'unresolved' then null
            when n_units > 1 then
                district || ' names ' || n_units || ' places (' || unit_places
                || ') and the report does not say which.'
            when known_places is not null then
                'The gazetteer has no ' || district || ' in ' || coalesce(concat_ws(', ', city, province), '')
                || '; it lists ' || district || ' in ' || known_places || '.'
            else
                district || ' is not in the gazetteer, and the report gives no level, province and city'
                || ' the gazetteer knows to place it under.'
        end as no_parent_reason
    from decided
),

identified as (
    select
        *,
        case when level in ('district', 'county') then 'county' else level end as tier,
        -- a county-level unit with no city of its own (a municipality's district, a directly governed county)
        -- hangs under its province
        resolved_city is null or resolved_city = resolved_province as under_province
    from placed
)

select
    r.report_id,
    case
        when i.placement = 'national' then '全国'
        when i.placement = 'unresolved' then concat_ws('/', r.province, r.city, r.district) || '?'
        when i.tier = 'province' then i.resolved_province
        when i.tier = 'city' then i.resolved_province || '/' || r.district
        when i.under_province then i.resolved_province || '/' || r.district
        else i.resolved_province || '/' || i.resolved_city || '/' || r.district
    end as government_id,
    r.district as name,
    i.level,
    i.tier,
    i.resolved_city as city,
    i.resolved_province as province,
    case
        when i.placement in ('national', 'unresolved') then null
        when i.tier = 'province' then '全国'
        when i.tier = 'city' or i.under_province then i.resolved_province
        else i.resolved_province || '/' || i.resolved_city
    end as parent_id,
    i.placement,
    i.no_parent_reason
from reports as r
inner join identified as i
    on i.district = r.district
    and i.city is not distinct from r.city
    and i.province is not distinct from r.province
    and i.admin_level is not distinct from r.admin_level
