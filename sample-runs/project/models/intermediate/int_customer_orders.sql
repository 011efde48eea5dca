{{ config(materialized='view') }}

select
    customer_id,
    min(ordered_at) as first_ordered_at,
    max(ordered_at) as last_ordered_at,
    count(*) as order_count
from {{ ref('stg_orders') }}
group by customer_id
