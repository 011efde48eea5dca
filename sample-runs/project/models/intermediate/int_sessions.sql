{{ config(materialized='table', tags=['sessionization']) }}

-- A new session starts after 30 minutes without events from the same visitor.
with events as (
    select
        *,
        case
            when occurred_at - lag(occurred_at) over (partition by anonymous_id order by occurred_at)
                > interval 30 minute then 1
            when lag(occurred_at) over (partition by anonymous_id order by occurred_at) is null then 1
            else 0
        end as is_new_session
    from {{ ref('stg_events') }}
),

numbered as (
    select
        *,
        sum(is_new_session) over (partition by anonymous_id order by occurred_at rows unbounded preceding) as session_number
    from events
)

select
    anonymous_id || '-' || cast(session_number as varchar) as session_id,
    anonymous_id,
    max(customer_id) as customer_id,
    min(occurred_at) as started_at,
    max(occurred_at) as ended_at,
    count(*) as event_count,
    max(case when event_type = 'checkout' then 1 else 0 end) = 1 as converted
from numbered
group by anonymous_id, session_number
