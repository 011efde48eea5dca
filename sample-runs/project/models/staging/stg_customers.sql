with source as (
    select * from {{ source('shop', 'customers') }}
)

select
    id as customer_id,
    first_name,
    last_name,
    first_name || ' ' || last_name as full_name,
    lower(email) as email,
    country_code,
    created_at,
    updated_at
from source
