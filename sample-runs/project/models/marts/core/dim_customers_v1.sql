select
    customers.customer_id,
    customers.full_name,
    customers.email,
    customers.country_code,
    countries.region,
    customers.created_at,
    orders.first_ordered_at,
    orders.last_ordered_at,
    coalesce(orders.order_count, 0) as order_count
from {{ ref('stg_customers') }} as customers
left join {{ ref('country_codes') }} as countries
    on customers.country_code = countries.country_code
left join {{ ref('int_customer_orders') }} as orders
    on customers.customer_id = orders.customer_id
