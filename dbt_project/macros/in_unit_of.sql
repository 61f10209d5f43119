{#- A result's value expressed in a target's unit, so 205亿元 and a target of 2300000万元 subtract directly.
    Same unit: the value as written. Otherwise rescale through the base values; NULL when either lacks one. -#}
{% macro in_unit_of(result, target) -%}
    case
        when {{ result }}.unit = {{ target }}.unit then {{ result }}.value
        when {{ target }}.value_base is not null and {{ target }}.value <> 0 and {{ target }}.value_base <> 0
            then round({{ result }}.value_base * {{ target }}.value / {{ target }}.value_base, 6)
    end
{%- endmacro %}
