-- A headline indicator value: bound to an indicator code, flagged headline by the parser, a measure users compare
-- across reports (points = 个百分点 changes are not) and a known status. A figure whose year the text does not give
-- stays, with year NULL: a report's figures never vanish because its years are unknown (they pair with nothing in
-- the year-keyed marts).
select *
from {{ ref('int_figures_scaled_to_base') }}
where indicator is not null
  and is_headline
  and measure in ('level', 'growth', 'share', 'rate', 'count')
  and status in ('actual', 'estimate', 'target')
