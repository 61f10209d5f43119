{{ config(**per_report_incremental()) }}
-- Incremental per report: macros/incremental_reports.sql.
select
    * exclude (commitment),
    -- A target with no 确保/力争 cue is what the plan expects (预期目标).
    coalesce(commitment, 'expected') as commitment,
    case when span_years > 1 then 'multi_year' else 'annual' end as horizon
from {{ ref('fct_indicator_values') }}
where status = 'target'
  and {{ only_changed_reports('report_id') }}
