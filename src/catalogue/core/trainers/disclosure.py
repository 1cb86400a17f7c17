"""The public form of a delivery, for the calendar feed.

Every text field the trainer tables store is classed in ``catalogue.core.disclosure`` (all of
the roster is withheld); this module applies those classes to deliveries. A programme's
working title is withheld (it is typed freely and may name withheld content): public
material uses its public title, or a neutral "Training programme for COUNTRY", as the
redacted exports do.
"""

from __future__ import annotations

from catalogue.core.store import Store
from catalogue.core.trainers.deliveries import Delivery


def public_titles(store: Store, deliveries: list[Delivery]) -> dict[int, str]:
    """Programme id -> the title public material may show."""
    chosen: dict[int, str] = {}
    ids = [d.programme_id for d in deliveries]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        chosen.update((r[0], r[1]) for r in store.query(
            f"SELECT id, public_title FROM programmes WHERE id IN ({','.join('?' * len(part))}) "
            "AND public_title IS NOT NULL AND trim(public_title) != ''", part))
    return {d.programme_id: chosen.get(d.programme_id)
            or f"Training programme for {d.country_name}" for d in deliveries}
