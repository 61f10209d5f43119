-- Figures that look like indicator values but matched no alias: what to add to indicator_aliases.csv next.
-- The rows come per report from int_figures_filtered_to_unbound (incremental); the counts span reports, so this stays a table.
select
    *,
    count(distinct report_id) over (partition by subject) as n_reports,
    count(*) over (partition by subject) as n_figures
from {{ ref('int_figures_filtered_to_unbound') }}
