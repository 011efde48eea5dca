{{ config(materialized='view') }}

select
    products.product_id,
    products.product_name,
    products.category,
    count(distinct items.order_id) as orders,
    sum(items.quantity) as units_sold,
    sum(items.line_total) as revenue
from {{ ref('dim_products') }} as products
left join {{ ref('int_order_items_enriched') }} as items
    on products.product_id = items.product_id
group by products.product_id, products.product_name, products.category
