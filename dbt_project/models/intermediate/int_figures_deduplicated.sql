-- A report often repeats a fact (summary, then detail): keep its first mention once per value grain.
with ranked as (
    select
        *,
        row_number() over (
            partition by report_id, indicator, year, span_years, status, measure, value, unit, bound, value_high
            order by figure_id
        ) as mention_rank,
        count(*) over (
            partition by report_id, indicator, year, span_years, status, measure, value, unit, bound, value_high
        ) as n_mentions
    from {{ ref('int_figures_filtered_to_headline') }}
)

select * exclude (mention_rank)
from ranked
where mention_rank = 1
