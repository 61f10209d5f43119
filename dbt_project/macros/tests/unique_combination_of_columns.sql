{#- Grain test: no two rows share the same values in combination_of_columns. NULLs count as equal (GROUP BY
    semantics), so a NULL in a grain column cannot hide a duplicate. Written here because dbt_utils is out of reach. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
select
    {{ combination_of_columns | join(', ') }},
    count(*) as n_rows
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1
{% endtest %}
