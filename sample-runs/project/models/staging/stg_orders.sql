with source as (
    select * from {{ source('shop', 'orders') }}
)

select
    id as order_id,
    customer_id,
    ordered_at,
    lower(trim(status)) as status,
    shipping_country
from source
