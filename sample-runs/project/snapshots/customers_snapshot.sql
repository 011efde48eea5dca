{% snapshot customers_snapshot %}

{{
    config(
        target_schema=target.schema ~ '_snapshots',
        unique_key='id',
        strategy='timestamp',
        updated_at='updated_at',
        tags=['scd']
    )
}}

select id, first_name, last_name, email, country_code, updated_at
from {{ source('shop', 'customers') }}

{% endsnapshot %}
