"""Alerts: what people want to hear about (subscriptions), the changes that concern them
(events → alerts, stored once) and how they hear (Atom feeds, webhooks, e-mail).

`model` and `matching` are pure; `events` and `analysis_events` read the store; `service`
raises alerts; `delivery` sends them. `service.after_ingest` is the one call an ingest needs.
Nothing is imported here, so that naming one module loads only what it needs.
"""

