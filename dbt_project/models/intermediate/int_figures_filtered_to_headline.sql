-- A headline indicator value: bound to an indicator code, flagged headline by the parser, a measure users compare
-- across reports (points = 个百分点 changes are not), a known status, and a year to place it in.
select *
from {{ ref('int_figures_scaled_to_base') }}
where indicator is not null
  and is_headline
  and measure in ('level', 'growth', 'share', 'rate', 'count')
  and status in ('actual', 'estimate', 'target')
  and year is not null
