"""`concerted subscriptions add|list|remove` and `concerted alerts [deliver]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from concerted import clock
from concerted.alerts.model import KINDS
from concerted.cli.context import AppContext, pass_app
from concerted.cli.output import FORMAT_OPTION, emit, emit_json
from concerted.cli.params import COUNTRY, JURISDICTION, PROGRAM, THEME

__all__ = ["register"]

_ALERT_KEYS = ["id", "subscription", "kind", "source", "listing_key", "name", "programs",
               "snapshot", "created_at"]
_SUB_COLUMNS = ["id", "label", "programs", "jurisdictions", "themes", "countries", "watch",
                "kinds", "gaps", "followed", "webhook", "email", "digest", "created_at"]


@click.group("subscriptions")
def subscriptions_group() -> None:
    """What you want to hear about, and how (Atom feed, webhook, e-mail)."""


def _watch_names(names: tuple[str, ...], watch_file: Path | None) -> tuple[str, ...]:
    lines = watch_file.read_text(encoding="utf-8").splitlines() if watch_file else []
    return tuple(dict.fromkeys(n.strip() for n in (*names, *lines) if n.strip()))


@subscriptions_group.command("add")
@click.option("--program", multiple=True, type=PROGRAM,
              help="A program id, e.g. us-glomag (repeatable).")
@click.option("--jurisdiction", multiple=True, type=JURISDICTION, help="(repeatable)")
@click.option("--theme", multiple=True, type=THEME, help="(repeatable)")
@click.option("--country", multiple=True, type=COUNTRY,
              help="The target's country, ISO code (repeatable).")
@click.option("--watch", multiple=True, metavar="NAME", help="A target's name (fuzzy).")
@click.option("--watch-file", type=click.Path(exists=True, path_type=Path), default=None,
              help="A file of names to watch, one a line.")
@click.option("--kind", multiple=True, type=click.Choice(KINDS), help="Only these kinds.")
@click.option("--gaps", is_flag=True,
              help="Gaps opened or closed (only gaps, unless --kind adds other kinds).")
@click.option("--followed", is_flag=True,
              help="Only when a partner follows another jurisdiction on the target.")
@click.option("--threshold", type=float, default=0.85, show_default=True,
              help="Name score a watched name needs (0-1).")
@click.option("--webhook", default=None, metavar="URL", help="POST signed JSON here.")
@click.option("--email", default=None, metavar="ADDR", help="Send e-mail here.")
@click.option("--digest", is_flag=True, help="At most one batch a day per channel.")
@click.option("--label", default=None, help="A name for the subscription.")
@FORMAT_OPTION
@pass_app
def add_command(app: AppContext, program: tuple[str, ...], jurisdiction: tuple[str, ...],
                theme: tuple[str, ...], country: tuple[str, ...], watch: tuple[str, ...],
                watch_file: Path | None, kind: tuple[str, ...], gaps: bool, followed: bool,
                threshold: float, webhook: str | None, email: str | None, digest: bool,
                label: str | None, fmt: str) -> None:
    """Subscribe; prints the id (its feed is /feeds/ID.atom) and the webhook secret."""
    from concerted.alerts.model import Criteria
    from concerted.alerts.subscriptions import SubscriptionError, add_subscription

    criteria = Criteria(program, tuple(j.lower() for j in jurisdiction), theme,
                        tuple(c.lower() for c in country), _watch_names(watch, watch_file),
                        kind, gaps, followed, threshold)
    try:
        made = add_subscription(app.engine, criteria, clock.stamp(), label=label,
                                webhook=webhook, email=email, digest=digest,
                                allow_private=app.settings.webhook_allow_private)
    except SubscriptionError as exc:
        raise click.UsageError(str(exc)) from exc
    if fmt == "json":
        emit_json(made.to_dict(secret=True))
        return
    click.echo(made.id)
    if made.secret:
        click.echo(f"webhook secret (shown once; signs X-Concerted-Signature): {made.secret}",
                   err=True)


@subscriptions_group.command("list")
@FORMAT_OPTION
@pass_app
def list_command(app: AppContext, fmt: str) -> None:
    """Every subscription."""
    from concerted.alerts.subscriptions import list_subscriptions

    emit([s.to_dict() for s in list_subscriptions(app.engine)], fmt, _SUB_COLUMNS,
         "subscriptions")


@subscriptions_group.command("remove")
@click.argument("subscription_id")
@pass_app
def remove_command(app: AppContext, subscription_id: str) -> None:
    """Stop a subscription (its past alerts stay in the global feed)."""
    from concerted.alerts.subscriptions import remove_subscription

    if not remove_subscription(app.engine, subscription_id):
        raise click.ClickException(f"no subscription {subscription_id}")
    click.echo(f"removed {subscription_id}")


@click.group("alerts", invoke_without_command=True)
@click.option("--subscription", default=None, help="Only this subscription's alerts.")
@click.option("--limit", type=int, default=None, help="The newest N only.")
@click.option("--detail", is_flag=True, help="Add why each alert matched, and more.")
@FORMAT_OPTION
@click.pass_context
def alerts_group(ctx: click.Context, subscription: str | None, limit: int | None,
                 detail: bool, fmt: str) -> None:
    """Alerts raised (oldest first); `concerted alerts deliver` sends what is due."""
    from concerted.alerts.queries import list_alerts

    if ctx.invoked_subcommand is not None:
        return
    app = ctx.find_object(AppContext)
    assert app is not None
    rows = list_alerts(app.engine, subscription, limit, newest_first=limit is not None)
    if limit is not None:
        rows.reverse()
    emit([_shape(r, detail) for r in rows], fmt, _ALERT_KEYS + (["detail"] if detail else []),
         "alerts")


def _shape(row: dict[str, Any], detail: bool) -> dict[str, Any]:
    return {k: row[k] for k in _ALERT_KEYS} | ({"detail": row["detail"]} if detail else {})


@alerts_group.command("deliver")
@FORMAT_OPTION
@pass_app
def deliver_command(app: AppContext, fmt: str) -> None:
    """Send pending alerts by webhook and e-mail (digests when due). For cron."""
    from concerted.alerts.delivery import deliver_pending
    from concerted.alerts.settings import AlertSettings
    from concerted.fetch import make_client

    settings = AlertSettings.from_settings(app.settings)
    with make_client(settings.webhook) as client:
        rows = deliver_pending(app.engine, client, settings, clock.now())
    emit(rows, fmt, ["subscription", "channel", "alerts", "outcome", "error"], "deliveries")


def register(group: click.Group) -> None:
    for command in (subscriptions_group, alerts_group):
        group.add_command(command)
