-- Refunds owed for returned orders, from their successful payments.
select
    orders.order_id,
    orders.customer_id,
    orders.order_date,
    payments.paid_amount as refund_amount
from {{ ref('fct_orders') }} as orders
inner join {{ ref('int_order_payments') }} as payments
    on orders.order_id = payments.order_id
where orders.status = 'returned'
