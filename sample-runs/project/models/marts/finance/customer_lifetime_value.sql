{{ config(tags=['weekly-report']) }}

with orders as (
    select customer_id, count(*) as orders, sum(amount) as ordered_amount
    from {{ ref('fct_orders') }}
    where status <> 'returned'
    group by customer_id
),

paid as (
    select orders.customer_id, sum(payments.paid_amount) as paid_amount
    from {{ ref('int_order_payments') }} as payments
    inner join {{ ref('fct_orders') }} as orders
        on payments.order_id = orders.order_id
    group by orders.customer_id
),

fees as (
    select orders.customer_id, sum(payments.processing_fee) as fees
    from {{ ref('fct_payments') }} as payments
    inner join {{ ref('fct_orders') }} as orders
        on payments.order_id = orders.order_id
    group by orders.customer_id
)

select
    customers.customer_id,
    customers.customer_tier,
    coalesce(orders.orders, 0) as orders,
    coalesce(orders.ordered_amount, 0) as ordered_amount,
    coalesce(paid.paid_amount, 0) as paid_amount,
    coalesce(fees.fees, 0) as processing_fees,
    coalesce(paid.paid_amount, 0) - coalesce(fees.fees, 0) as net_value
from {{ ref('dim_customers') }} as customers
left join orders on customers.customer_id = orders.customer_id
left join paid on customers.customer_id = paid.customer_id
left join fees on customers.customer_id = fees.customer_id
