select
    order_date,
    count(*) as orders,
    sum(case when status <> 'returned' then amount else 0 end) as revenue,
    sum(case when status = 'returned' then amount else 0 end) as returned_amount
from {{ ref('fct_orders') }}
group by order_date
