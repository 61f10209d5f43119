-- The gazetteer seed with empty cells as NULL, a tier per level (districts and counties are both county-level), and
-- without cpca's placeholder for the Jiangsu-Shandong border waters (苏鲁交界 / 海域, codes 99xxxx), which no
-- government governs.
select
    nullif(adcode, '') as adcode,
    name,
    nullif(short, '') as short,
    level,
    case when level in ('district', 'county') then 'county' else level end as tier,
    nullif(city, '') as city,
    province,
    current = 1 as is_current
from {{ ref('gazetteer') }}
where coalesce(adcode, '') not like '99%'
