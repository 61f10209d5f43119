{{ config(**per_report_incremental()) }}
-- Incremental per report: macros/incremental_reports.sql.
select
    -- a hash of the grain: unique by construction and stable for the same content across builds
    md5(concat_ws('|', f.report_id, f.indicator, f.year, f.span_years, f.status, f.measure, f.value, f.unit, f.bound,
        coalesce(cast(f.value_high as varchar), ''))) as indicator_value_id,
    f.report_id,
    r.source_file,
    r.district,
    r.city,
    r.province,
    f.indicator,
    f.year,
    f.span_years,
    f.status,
    f.measure,
    f.value,
    f.unit,
    f.value_base,
    f.unit_base,
    f.bound,
    f.value_high,
    f.value_high_base,
    f.commitment,
    f.qualifier,
    f.comparator,
    f.status_cue,
    f.subject,
    f.figure_id,
    f.n_mentions,
    f.section_id,
    f.sentence,
    f.evidence,
    f.char_start,
    f.char_end,
    r.report_year,
    r.review_year,
    r.plan_year,
    r.withdrawn
from {{ ref('int_figures_deduplicated') }} as f
inner join {{ ref('int_reports_joined_to_file_state') }} as r using (report_id)
where {{ only_changed_reports('f.report_id') }}
