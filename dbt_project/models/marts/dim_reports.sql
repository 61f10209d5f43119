with figure_counts as (
    select report_id, count(*) as n_figures
    from {{ ref('stg_reports__figures') }}
    group by report_id
),

value_counts as (
    select report_id, count(*) as n_indicator_values
    from {{ ref('int_figures_deduplicated') }}
    group by report_id
),

project_counts as (
    select report_id, count(*) as n_project_mentions
    from {{ ref('stg_reports__projects') }}
    group by report_id
)

select
    r.report_id,
    r.source_file,
    r.district,
    r.city,
    r.province,
    r.admin_level,
    r.report_year,
    r.review_year,
    r.plan_year,
    r.delivered_on,
    r.meeting,
    r.is_abstract,
    r.title,
    r.n_chars,
    r.source_encoding,
    r.source_format,
    r.ingested_at,
    r.withdrawn,
    coalesce(fc.n_figures, 0) as n_figures,
    coalesce(vc.n_indicator_values, 0) as n_indicator_values,
    coalesce(pc.n_project_mentions, 0) as n_project_mentions,
    r.n_duplicate_files,
    r.district_evidence,
    r.location_note,
    r.years_evidence,
    g.government_id
from {{ ref('int_reports_joined_to_file_state') }} as r
left join {{ ref('int_reports_placed_in_hierarchy') }} as g using (report_id)
left join figure_counts as fc using (report_id)
left join value_counts as vc using (report_id)
left join project_counts as pc using (report_id)
