{{
    config(
        materialized='incremental',
        unique_key='session_id',
        tags=['clickstream']
    )
}}

select
    session_id,
    anonymous_id,
    customer_id,
    started_at,
    ended_at,
    event_count,
    converted
from {{ ref('int_sessions') }}
{% if is_incremental() %}
where started_at >= (select max(started_at) - interval 1 day from {{ this }})
{% endif %}
