{#- Intermediate models renamed to verb names (issue 13): a warehouse built before the rename still holds the old
    relations, which dbt no longer manages (int_unbound_figures was an incremental table of every report's unbound
    figures). Dropped at the start of each run; a no-op once they are gone. -#}
{% macro drop_renamed_relations() -%}
  {%- if execute -%}
    {%- set old_names = ['int_reports_current', 'int_results_by_district_year', 'int_unbound_figures',
                         'int_figures_headline'] -%}
    {%- set found = run_query("select table_name, table_type from information_schema.tables
        where table_schema = 'intermediate' and table_name in ('" ~ old_names | join("', '") ~ "')") -%}
    {%- for name, kind in found.rows -%}
      {%- do run_query("drop " ~ ('view' if kind == 'VIEW' else 'table') ~ " if exists intermediate." ~ name) -%}
    {%- endfor -%}
  {%- endif -%}
{%- endmacro %}
