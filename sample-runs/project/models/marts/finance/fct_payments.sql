select
    payments.payment_id,
    payments.order_id,
    payments.payment_method,
    methods.is_card,
    payments.status,
    payments.amount,
    round(payments.amount * methods.processing_fee_pct / 100, 2) as processing_fee,
    payments.created_at
from {{ ref('stg_payments') }} as payments
left join {{ ref('payment_methods') }} as methods
    on payments.payment_method = methods.payment_method
