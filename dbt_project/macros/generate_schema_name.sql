{#- Schemas are exactly the custom names (staging, intermediate, marts, dictionaries): dbt's default would prefix
    the target schema (main_marts), which breaks the table names in CONTRACT.md. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
