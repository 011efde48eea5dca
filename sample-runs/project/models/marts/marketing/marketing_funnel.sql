select
    cast(occurred_at as date) as event_date,
    count(distinct case when event_type = 'page_view' then anonymous_id end) as visitors,
    count(distinct case when event_type = 'product_view' then anonymous_id end) as product_viewers,
    count(distinct case when event_type = 'add_to_cart' then anonymous_id end) as cart_adders,
    count(distinct case when event_type = 'checkout' then anonymous_id end) as buyers
from {{ ref('stg_events') }}
group by cast(occurred_at as date)
