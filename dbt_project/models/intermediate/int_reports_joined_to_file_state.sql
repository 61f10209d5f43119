-- Every report the raw tables hold (accepted or withdrawn), with its metadata and its state in the inbox.
with file_state as (
    select
        report_id,
        bool_or(file_status = 'accepted') as has_accepted_file,
        bool_or(file_status = 'withdrawn') as has_withdrawn_file,
        min(source_file) filter (where file_status = 'accepted') as accepted_file,
        count(*) filter (where file_status = 'duplicate') as n_duplicate_files
    from {{ ref('stg_reports__files') }}
    where report_id is not null
    group by report_id
)

select
    t.report_id,
    coalesce(fs.accepted_file, t.source_file) as source_file,
    m.district,
    m.city,
    m.province,
    m.admin_level,
    m.report_year,
    m.review_year,
    m.plan_year,
    m.delivered_on,
    m.meeting,
    coalesce(m.is_abstract, false) as is_abstract,
    m.title,
    m.district_evidence,
    m.location_note,
    m.years_evidence,
    t.n_chars,
    t.source_encoding,
    t.source_format,
    t.ingested_at,
    -- Withdrawn = the file left the inbox and no accepted copy remains; its rows stay queryable.
    coalesce(fs.has_withdrawn_file and not fs.has_accepted_file, false) as withdrawn,
    coalesce(fs.n_duplicate_files, 0) as n_duplicate_files
from {{ ref('stg_reports__texts') }} as t
left join {{ ref('stg_reports__meta') }} as m using (report_id)
left join file_state as fs using (report_id)
