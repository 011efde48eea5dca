"""Writes the shop's raw source tables into a DuckDB file, as they stand at a
simulated time.

Every value is a pure function of the simulated time and a fixed seed, so the
same time always gives the same rows. The scenario that makes the timeline
interesting is encoded here as dates:

- the Stripe loader fails its loads of 2026-03-04 and 2026-03-05 (05:00 UTC)
  and comes back on 2026-03-06 05:00 with a changed table: `amount` (dollars)
  is replaced by `amount_cents` (integer);
- from 2026-03-05 the warehouse marks some undelivered orders `lost`, a status
  the project's accepted_values tests do not know.

Usage: python raw_data.py DB_PATH "YYYY-MM-DD HH:MM:SS"
Run with the Python of a dbt-duckdb virtual environment (it imports duckdb).
"""

import csv
import datetime as dt
import os
import random
import sys
import tempfile

import duckdb

SEED = 20260302
HISTORY_START = dt.datetime(2026, 2, 1)
SHOP_SYNC_HOUR = 4  # Fivetran syncs the app database at 04:00 UTC
STRIPE_LOAD_HOUR = 5  # the Stripe loader runs at 05:00 UTC
STRIPE_FAILED_LOADS = {dt.date(2026, 3, 4), dt.date(2026, 3, 5)}
STRIPE_CENTS_FROM = dt.datetime(2026, 3, 6, STRIPE_LOAD_HOUR)
LOST_STATUS_FROM = dt.date(2026, 3, 5)

FIRST_NAMES = ["Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
               "Kemi", "Liam", "Mei", "Noor", "Oscar", "Priya", "Quinn", "Rosa", "Sami", "Tess"]
LAST_NAMES = ["Alvarez", "Brown", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad",
              "Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Patel"]
COUNTRIES = ["US", "US", "US", "CA", "MX", "BR", "GB", "GB", "DE", "FR", "NL", "ES", "JP", "AU", "IN"]
CATEGORIES = ["apparel", "footwear", "accessories", "home"]
METHODS = ["credit_card", "credit_card", "credit_card", "debit_card", "paypal", "bank_transfer", "gift_card"]
PAGES = ["/", "/sale", "/new", "/about", "/help"]


def rng(*key):
    return random.Random(f"{SEED}:" + ":".join(str(k) for k in key))


def days_until(now):
    day = HISTORY_START
    while day <= now:
        yield day
        day += dt.timedelta(days=1)


def last_run_at_or_before(when, hour, failed=frozenset()):
    """The latest daily load at `hour` that is not after `when` and did not fail."""
    load = when.replace(hour=hour, minute=0, second=0, microsecond=0)
    if load > when:
        load -= dt.timedelta(days=1)
    while load.date() in failed:
        load -= dt.timedelta(days=1)
    return load


def first_run_at_or_after(when, hour, failed=frozenset()):
    load = when.replace(hour=hour, minute=0, second=0, microsecond=0)
    if load < when:
        load += dt.timedelta(days=1)
    while load.date() in failed:
        load += dt.timedelta(days=1)
    return load


def build(now):
    shop_sync = last_run_at_or_before(now, SHOP_SYNC_HOUR)
    stripe_load = last_run_at_or_before(now, STRIPE_LOAD_HOUR, STRIPE_FAILED_LOADS)

    products = []
    r = rng("products")
    for pid in range(1, 41):
        category = CATEGORIES[(pid - 1) % len(CATEGORIES)]
        price = round(r.uniform(8, 180), 2)
        products.append((pid, f"SKU-{pid:04d}", f"{category.title()} item {pid}", category, price,
                         HISTORY_START - dt.timedelta(days=30)))

    customers = []
    next_customer = 1
    for i in range(120):
        r = rng("customer", next_customer)
        created = HISTORY_START - dt.timedelta(days=r.randint(1, 400), minutes=r.randint(0, 1439))
        customers.append([next_customer, r.choice(FIRST_NAMES), r.choice(LAST_NAMES), None,
                          r.choice(COUNTRIES), created, created])
        next_customer += 1
    orders, items, payments, events = [], [], [], []
    next_order, next_item, next_payment, next_event = 1, 1, 1, 1

    for day in days_until(shop_sync):
        rd = rng("day", day.date())
        for _ in range(rd.randint(2, 5)):
            created = day + dt.timedelta(minutes=rd.randint(0, 1439))
            if created > shop_sync:
                continue
            customers.append([next_customer, rd.choice(FIRST_NAMES), rd.choice(LAST_NAMES), None,
                              rd.choice(COUNTRIES), created, created])
            next_customer += 1
        # a few customers edit their profile every day
        for _ in range(3):
            c = customers[rd.randrange(len(customers))]
            changed = day + dt.timedelta(minutes=rd.randint(0, 1439))
            if changed > c[5] and changed <= shop_sync:
                c[4] = rd.choice(COUNTRIES)
                c[6] = max(c[6], changed)

        for _ in range(rd.randint(12, 24)):
            ordered_at = day + dt.timedelta(minutes=rd.randint(0, 1439), seconds=rd.randint(0, 59))
            oid = next_order
            next_order += 1
            ro = rng("order", oid)
            eligible = [c for c in customers if c[5] <= ordered_at]
            customer = ro.choice(eligible)
            total = 0.0
            for _ in range(ro.randint(1, 4)):
                product = products[ro.randrange(len(products))]
                qty = ro.randint(1, 3)
                items.append((next_item, oid, product[0], qty, product[4], ordered_at))
                next_item += 1
                total += qty * product[4]
            total = round(total, 2)
            if ordered_at > shop_sync:
                continue  # placed after the last sync: not in the replica yet
            age = (shop_sync - ordered_at).days
            status = "placed" if age < 1 else "shipped" if age < 3 else "completed"
            if age >= 5 and ro.random() < 0.06:
                status = "returned"
            if shop_sync.date() >= LOST_STATUS_FROM and status == "shipped" and oid % 9 == 0:
                status = "lost"
            updated = min(ordered_at + dt.timedelta(days=min(age, 3)), shop_sync)
            orders.append((oid, customer[0], ordered_at, status, customer[4], updated))

            # payment attempts: sometimes a failed card first, rarely an amount mismatch
            paid_at = ordered_at + dt.timedelta(minutes=ro.randint(1, 20))
            method = ro.choice(METHODS)
            if ro.random() < 0.08:
                payments.append((next_payment, oid, method, "failed", total, paid_at))
                next_payment += 1
                paid_at += dt.timedelta(minutes=3)
            amount = total if ro.random() > 0.02 else round(total * 0.9, 2)
            payments.append((next_payment, oid, method, "success", amount, paid_at))
            next_payment += 1

        # clickstream: visitors browse, some buy
        for visitor in range(rd.randint(25, 40)):
            rv = rng("visit", day.date(), visitor)
            t = day + dt.timedelta(minutes=rv.randint(0, 1380))
            anon = f"anon-{rv.randint(1, 900):04d}"
            known = customers[rv.randrange(len(customers))][0] if rv.random() < 0.4 else None
            path = ["page_view"] + ["product_view"] * rv.randint(0, 3)
            if rv.random() < 0.35:
                path.append("add_to_cart")
                if rv.random() < 0.5:
                    path.append("checkout")
            for event_type in path:
                t += dt.timedelta(seconds=rv.randint(5, 600))
                received = t + dt.timedelta(seconds=rv.randint(1, 90))
                if received <= now:
                    events.append((next_event, anon, known, event_type, rv.choice(PAGES), t, received))
                next_event += 1

    customer_rows = []
    for c in customers:
        if c[5] > shop_sync:
            continue
        email = f"{c[1].lower()}.{c[2].lower()}.{c[0]}@mail.example"
        synced = first_run_at_or_after(c[6], SHOP_SYNC_HOUR)
        customer_rows.append((c[0], c[1], c[2], email, c[4], c[5], c[6], min(synced, shop_sync)))

    def shop_synced(updated):
        return min(first_run_at_or_after(updated, SHOP_SYNC_HOUR), shop_sync)

    order_ids = {o[0] for o in orders}
    order_rows = [o[:5] + (shop_synced(o[5]),) for o in orders]
    item_rows = [i[:5] + (shop_synced(i[5]),) for i in items if i[1] in order_ids]
    product_rows = [p[:5] + (shop_synced(p[5]),) for p in products]

    payment_rows = []
    for p in payments:
        if p[5] > stripe_load:
            continue
        loaded = first_run_at_or_after(p[5], STRIPE_LOAD_HOUR, STRIPE_FAILED_LOADS)
        payment_rows.append(p + (loaded,))

    return {
        "customers": customer_rows,
        "orders": order_rows,
        "order_items": item_rows,
        "products": product_rows,
        "payments": payment_rows,
        "events": events,
        "stripe_in_cents": stripe_load >= STRIPE_CENTS_FROM,
    }


def load(con, table, rows):
    """Bulk-loads rows through a CSV file (much faster than executemany)."""
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as f:
        csv.writer(f).writerows(rows)
        path = f.name
    try:
        con.execute(f"copy {table} from '{path}' (header false)")
    finally:
        os.unlink(path)


def write(db_path, now):
    data = build(now)
    con = duckdb.connect(db_path)
    for schema in ("raw_shop", "raw_stripe", "raw_events"):
        con.execute(f"create schema if not exists {schema}")
    con.execute("create or replace table raw_shop.customers (id integer, first_name varchar, last_name varchar, "
                "email varchar, country_code varchar, created_at timestamp, updated_at timestamp, _synced_at timestamp)")
    load(con, "raw_shop.customers", data["customers"])
    con.execute("create or replace table raw_shop.orders (id integer, customer_id integer, ordered_at timestamp, "
                "status varchar, shipping_country varchar, _synced_at timestamp)")
    load(con, "raw_shop.orders", data["orders"])
    con.execute("create or replace table raw_shop.order_items (id integer, order_id integer, product_id integer, "
                "quantity integer, unit_price decimal(10, 2), _synced_at timestamp)")
    load(con, "raw_shop.order_items", data["order_items"])
    con.execute("create or replace table raw_shop.products (id integer, sku varchar, name varchar, category varchar, "
                "price decimal(10, 2), _synced_at timestamp)")
    load(con, "raw_shop.products", data["products"])
    if data["stripe_in_cents"]:
        con.execute("create or replace table raw_stripe.payments (id integer, order_id integer, payment_method varchar, "
                    "status varchar, amount_cents bigint, created_at timestamp, _loaded_at timestamp)")
        rows = [p[:4] + (int(round(p[4] * 100)),) + p[5:] for p in data["payments"]]
    else:
        con.execute("create or replace table raw_stripe.payments (id integer, order_id integer, payment_method varchar, "
                    "status varchar, amount decimal(10, 2), created_at timestamp, _loaded_at timestamp)")
        rows = data["payments"]
    load(con, "raw_stripe.payments", rows)
    con.execute("create or replace table raw_events.events (event_id integer, anonymous_id varchar, customer_id integer, "
                "event_type varchar, page_path varchar, occurred_at timestamp, received_at timestamp)")
    load(con, "raw_events.events", data["events"])
    con.close()
    return {k: len(v) for k, v in data.items() if isinstance(v, list)}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: raw_data.py DB_PATH 'YYYY-MM-DD HH:MM:SS'")
    counts = write(sys.argv[1], dt.datetime.fromisoformat(sys.argv[2]))
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))
