with aliases as (
    select
        indicator,
        string_agg(alias, '、' order by length(alias) desc, alias) as aliases,
        count(*) as n_aliases
    from (select distinct indicator, alias from {{ ref('indicator_aliases') }} where alias is not null)
    group by indicator
)

select
    i.indicator,
    i.name_zh,
    i.name_en,
    i.category,
    a.aliases,
    coalesce(a.n_aliases, 0) as n_aliases
from {{ ref('indicators') }} as i
left join aliases as a using (indicator)
