select
    event_id,
    anonymous_id,
    customer_id,
    event_type,
    page_path,
    occurred_at,
    received_at
from {{ source('events', 'events') }}
