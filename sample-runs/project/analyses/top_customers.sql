select customer_id, net_value
from {{ ref('customer_lifetime_value') }}
order by net_value desc
limit 20
