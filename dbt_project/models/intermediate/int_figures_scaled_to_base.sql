-- Fill base units from the units dictionary where the parser left them empty, so levels written in 亿元 and 万元
-- compare directly.
select
    f.* replace (
        coalesce(f.value_base, f.value * u.factor) as value_base,
        coalesce(f.unit_base, u.unit_base) as unit_base
    ),
    f.value_high * coalesce(u.factor, f.value_base / nullif(f.value, 0)) as value_high_base
from {{ ref('stg_reports__figures') }} as f
left join {{ ref('units') }} as u on u.unit = f.unit
