-- Order lines with their product attributes and line totals.
select
    items.order_item_id,
    items.order_id,
    items.product_id,
    products.category,
    items.quantity,
    items.unit_price,
    items.quantity * items.unit_price as line_total
from {{ ref('stg_order_items') }} as items
left join {{ ref('stg_products') }} as products
    on items.product_id = products.product_id
