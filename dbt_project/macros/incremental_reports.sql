{#-
  Incremental per-report marts. A mart whose every row belongs to one report (and depends only on that report's
  raw rows and its file state) rebuilds only the reports the loader changed since the mart last caught up:

    {{ config(**per_report_incremental()) }}
    ... where {{ only_changed_reports('x.report_id') }}

  The loader (orchestration/storage/loader.py) writes load_state.report_changes: report_id -> the sequence number of
  the last load that deleted, inserted or re-labelled (duplicate, withdrawn, renamed) its rows. Each mart records in
  load_state.dbt_watermarks the sequence it has caught up to and a fingerprint of the dbt project; a mart that
  failed or was skipped catches up at its next run. Everything is rebuilt (all rows deleted and inserted) when there
  is no watermark (first run, no loader: the test fixture), when a model or dictionary changed since (the
  fingerprint), or when so many reports changed that one pass over all of them is cheaper. The result is always the
  table a full rebuild gives; tests/ops/test_incremental_marts.py compares the two.
-#}

{% macro per_report_incremental() -%}
  {#- The config of every per-report mart; the hooks stay strings, rendered when the model runs. -#}
  {{- return({'materialized': 'incremental', 'incremental_strategy': 'append', 'on_schema_change': 'sync_all_columns',
              'pre_hook': '{{ delete_changed_reports() }}', 'post_hook': '{{ record_report_watermark() }}'}) -}}
{%- endmacro %}

{% macro project_fingerprint() -%}
  {#- Any change to a model's SQL or a seed's content (units, indicators) can change every report's rows. -#}
  {%- set parts = [] -%}
  {%- for node in graph.nodes.values() if node.resource_type in ['model', 'seed'] -%}
    {%- do parts.append(node.unique_id ~ '=' ~ node.checksum.checksum) -%}
  {%- endfor -%}
  {{- return(local_md5(parts | sort | join(';'))) -}}
{%- endmacro %}

{% macro _watermark_key() -%}
  {{- return(this.schema ~ '.' ~ this.identifier) -}}
{%- endmacro %}

{% macro _load_state_ready() -%}
  {%- set found = run_query("select count(*) from information_schema.tables where table_schema = 'load_state'
      and table_name in ('report_changes', 'dbt_watermarks')") -%}
  {{- return(found.rows[0][0] == 2) -}}
{%- endmacro %}

{% macro changed_report_ids() -%}
  {#- None = rebuild every report; else the report_ids changed since this mart last caught up (maybe none). -#}
  {%- if not execute or not is_incremental() or not _load_state_ready() -%}
    {{- return(none) -}}
  {%- endif -%}
  {%- set mark = run_query("select load_seq, fingerprint from load_state.dbt_watermarks where model = '"
      ~ _watermark_key() ~ "'") -%}
  {%- if mark.rows | length == 0 or mark.rows[0][0] is none or mark.rows[0][1] != project_fingerprint() -%}
    {{- return(none) -}}
  {%- endif -%}
  {%- set changed = run_query("select report_id from load_state.report_changes where load_seq > "
      ~ mark.rows[0][0] ~ " order by report_id") -%}
  {%- if changed.rows | length > var('incremental_max_reports', 500) -%}
    {{- return(none) -}}
  {%- endif -%}
  {{- return(changed.columns[0].values() | list) -}}
{%- endmacro %}

{% macro only_changed_reports(column='report_id') -%}
  {#- A constant IN list rather than a subquery: DuckDB pushes it through the views' joins and windows (all
      partitioned by report_id), so one report's rows are read instead of every report's. -#}
  {%- set ids = changed_report_ids() -%}
  {%- if ids is none -%}
    true
  {%- elif ids | length == 0 -%}
    false
  {%- else -%}
    {{ column }} in ({% for id in ids %}'{{ id | replace("'", "''") }}'{{ ", " if not loop.last }}{% endfor %})
  {%- endif -%}
{%- endmacro %}

{% macro delete_changed_reports() -%}
  {%- if execute and is_incremental() -%}
    {%- set ids = changed_report_ids() -%}
    delete from {{ this }}
    {%- if ids is not none %}
    where {{ only_changed_reports('report_id') }}
       -- rows of reports the raw tables no longer hold (after a full reload by the loader, say)
       or report_id not in (select report_id from {{ source('raw', 'report_texts') }})
    {%- endif %}
  {%- endif -%}
{%- endmacro %}

{% macro record_report_watermark() -%}
  {#- Run as a post-hook, in the model's transaction: the mart now holds every change up to the latest load. -#}
  {%- if execute -%}
    {#- Both tables are the loader's: without it (the test fixture) there is nothing to catch up to. -#}
    {%- if _load_state_ready() -%}
      {%- do run_query("delete from load_state.dbt_watermarks where model = '" ~ _watermark_key() ~ "'") -%}
      {%- do run_query("insert into load_state.dbt_watermarks select '" ~ _watermark_key() ~ "',
          coalesce(max(load_seq), 0), '" ~ project_fingerprint() ~ "' from load_state.report_changes") -%}
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}
