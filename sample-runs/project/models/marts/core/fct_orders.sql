{{
    config(
        materialized='incremental',
        unique_key='order_id',
        on_schema_change='append_new_columns',
        meta={'sla': 'daily by 07:00 UTC'}
    )
}}

with orders as (
    select * from {{ ref('stg_orders') }}
),

items as (
    select
        order_id,
        count(*) as item_count,
        sum(line_total) as items_total
    from {{ ref('int_order_items_enriched') }}
    group by order_id
)

select
    orders.order_id,
    orders.customer_id,
    orders.ordered_at,
    cast(orders.ordered_at as date) as order_date,
    orders.status,
    orders.shipping_country,
    coalesce(items.item_count, 0) as item_count,
    coalesce(items.items_total, 0) as amount
from orders
left join items
    on orders.order_id = items.order_id
{% if is_incremental() %}
-- statuses change for a few days after the order: reprocess a 3-day window
where orders.ordered_at >= (select max(ordered_at) - interval 3 day from {{ this }})
{% endif %}
