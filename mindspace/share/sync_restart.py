"""A signed chain restart: how a vault restored from a backup re-joins relay sync.

A restored vault no longer knows the envelopes it signed after the backup, so continuing its old
chain would fork it (the receiver raises an alarm and imports nothing, for good). Instead it takes
a new device id (a new *epoch*) and queues a *restart envelope*: a normal envelope without items
whose signed `sync` field also carries `restart: {device_id: <old device>}`; its `seq`/`prev`
name the last envelope the restored vault knows. The receiver never accepts it by itself: it
shows a `restart` alarm, and only when the person accepts it does the new device's chain start
at that envelope and the old device get retired (its later envelopes raise fork alarms).
"""

from __future__ import annotations

import re
from typing import Any

from mindspace.share.bundle import OpenedBundle, SealedBundle, make_manifest, seal
from mindspace.share.contacts import Contact
from mindspace.share.identity import Identity
from mindspace.share.relay_base import new_name
from mindspace.share.sync_state import SyncStore

_HEX32 = re.compile(r"^[0-9a-f]{32}$")


def queue_restart(
    me: Identity, store: SyncStore, contact: Contact, old_device: str, created_at: str
) -> SealedBundle:
    """Seal and keep the restart envelope of my (new) device's chain to `contact`."""
    recipients = [contact.party()]

    def build(seq: int, prev: str) -> SealedBundle:
        sync = {"seq": seq, "prev": prev, "restart": {"device_id": old_device}}
        manifest = make_manifest(
            me, recipients, [], "envelope", {"sync": sync}, created_at=created_at
        )
        return seal(me, recipients, [], manifest)

    return store.next_envelope(contact.id, new_name(), created_at, 0, build)


def restart_of(opened: OpenedBundle) -> str | None | bool:
    """The old device id a restart envelope replaces; None for a normal envelope; False when
    the restart field is malformed."""
    sync: Any = opened.manifest.get("sync")
    restart = sync.get("restart") if isinstance(sync, dict) else None
    if restart is None:
        return None
    if not (
        isinstance(restart, dict)
        and isinstance(restart.get("device_id"), str)
        and _HEX32.match(restart["device_id"])
        and not opened.items
    ):
        return False
    return str(restart["device_id"])


def restart_detail(who: str, seq: int, old_last: int) -> str:
    return (
        f"restart: {who} says their device was restored from a backup and asks to continue"
        f" sharing from envelope {seq} (the restored copy knows envelopes up to {seq - 1};"
        f" you accepted up to {old_last} from the old device). Accept only if {who} confirms"
        " it: mindspace share alarms --accept ID"
    )
