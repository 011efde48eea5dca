-- Successful payments summed per order.
select
    order_id,
    count(*) as payment_count,
    sum(amount) as paid_amount
from {{ ref('stg_payments') }}
where status = 'success'
group by order_id
