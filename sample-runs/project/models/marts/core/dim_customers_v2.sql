-- v2 adds the spend-based customer tier.
with spend as (
    select customer_id, sum(amount) as lifetime_spend
    from {{ ref('fct_orders') }}
    where status <> 'returned'
    group by customer_id
)

select
    customers.customer_id,
    customers.full_name,
    customers.email,
    customers.country_code,
    countries.region,
    customers.created_at,
    orders.first_ordered_at,
    orders.last_ordered_at,
    coalesce(orders.order_count, 0) as order_count,
    case
        when coalesce(spend.lifetime_spend, 0) >= 500 then 'gold'
        when coalesce(spend.lifetime_spend, 0) >= 100 then 'silver'
        else 'bronze'
    end as customer_tier
from {{ ref('stg_customers') }} as customers
left join {{ ref('country_codes') }} as countries
    on customers.country_code = countries.country_code
left join {{ ref('int_customer_orders') }} as orders
    on customers.customer_id = orders.customer_id
left join spend
    on customers.customer_id = spend.customer_id
