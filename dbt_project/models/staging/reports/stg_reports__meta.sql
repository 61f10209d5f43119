select
    cast(report_id as varchar) as report_id,
    cast(district as varchar) as district,
    cast(city as varchar) as city,
    cast(province as varchar) as province,
    cast(admin_level as varchar) as admin_level,
    cast(report_year as integer) as report_year,
    cast(review_year as integer) as review_year,
    cast(plan_year as integer) as plan_year,
    cast(delivered_on as date) as delivered_on,
    cast(meeting as varchar) as meeting,
    coalesce(cast(is_abstract as boolean), false) as is_abstract,
    cast(title as varchar) as title,
    cast(district_evidence as varchar) as district_evidence,
    cast(location_note as varchar) as location_note,
    cast(years_evidence as varchar) as years_evidence
from {{ source('raw', 'reports') }}
