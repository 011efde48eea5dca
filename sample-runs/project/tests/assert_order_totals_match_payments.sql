{{ config(severity='warn', group='finance', tags=['reconciliation']) }}

-- Completed orders whose successful payments do not add up to the order amount.
select
    orders.order_id,
    orders.amount,
    payments.paid_amount
from {{ ref('fct_orders') }} as orders
left join {{ ref('int_order_payments') }} as payments
    on orders.order_id = payments.order_id
where orders.status = 'completed'
  and abs(orders.amount - coalesce(payments.paid_amount, 0)) > 0.01
