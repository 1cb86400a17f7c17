"""Keys in order, one at a time: what a user types ahead lands where they will see it.

Textual hands each key to the focused widget of the top screen as soon as the app reads it.
Typed faster than the app reacts, a key is handed over before the one in front of it has done
its work: before a dialog that key opens is on screen (the key reaches a screen with nothing
focused and is lost), or after it reached a widget about to go away (a search box being
closed), or to bindings of the screen underneath (where single letters are actions).

:class:`OrderedKeys` (the app's base class) queues every key the app reads and releases the next
one only when the one before has finished: the key has travelled from its widget up to the
screen and the app's bindings, the top screen (perhaps one the key just opened) has composed
and mounted, and what the key set off there (a Submitted message whose handler moves the
focus) has been handled by the focused widget and its screen. A dialog that must wait before
it can act on a key (a search list still loading) holds the queue with
:meth:`OrderedKeys.hold_keys` and lets it go with :meth:`OrderedKeys.release_keys`; a hold
lasts at most :data:`HOLD_LIMIT` seconds and ends when its screen closes, so keys are never
stuck.

Only public Textual API is used: ``App.on_event``, ``Message.is_forwarded``,
``MessagePump.call_later`` and ``App.set_interval``.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from functools import partial
from typing import Any

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen
from textual.timer import Timer

#: Every KEY_LIMIT seconds a key that has not reported back is looked at: if the widget it
#: waits at has gone (a closed dialog), the top screen is asked instead; after
#: :data:`KEY_GIVE_UP` seconds the next key goes anyway.
KEY_LIMIT = 0.5
KEY_GIVE_UP = 5.0
#: Seconds between looks at a screen being mounted.
MOUNT_POLL = 0.005
#: Seconds a dialog may hold the keys while it waits (for a list to load).
HOLD_LIMIT = 3.0


class OrderedKeys(App[None]):
    """The app's base class: keys reach widgets one at a time, in order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._waiting_keys: deque[events.Key] = deque()
        self._key_in_flight: events.Key | None = None
        self._key_watchdog: Timer | None = None
        self._key_started = 0.0
        #: Where the key in flight is expected to report back from next (None: the app).
        self._key_node: DOMNode | None = None
        self._key_holds: dict[Screen[Any], float] = {}

    # ------------------------------------------------------------------ public

    def hold_keys(self, screen: Screen[Any]) -> None:
        """Keep further keys queued until ``screen`` releases them (or closes)."""
        self._key_holds[screen] = time.monotonic()
        self.set_timer(HOLD_LIMIT, self._pump_keys)

    def release_keys(self, screen: Screen[Any]) -> None:
        if self._key_holds.pop(screen, None) is not None:
            self.call_later(self._pump_keys)

    @property
    def keys_pending(self) -> int:
        """Keys read but not yet finished (queued, or the one being handled)."""
        return len(self._waiting_keys) + (self._key_in_flight is not None)

    # ------------------------------------------------------------------ the queue

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._waiting_keys.append(event)
            await self._pump_keys()
        else:
            await super().on_event(event)

    def _held(self) -> bool:
        now = time.monotonic()
        stack = set(self.screen_stack)
        for screen, since in list(self._key_holds.items()):
            if screen not in stack or now - since > HOLD_LIMIT:
                del self._key_holds[screen]
        return bool(self._key_holds)

    async def _pump_keys(self) -> None:
        while self._waiting_keys and self._key_in_flight is None and not self._held():
            key = self._waiting_keys.popleft()
            self._key_in_flight = key
            self._key_started = time.monotonic()
            self._key_watchdog = self.set_interval(KEY_LIMIT, partial(self._overdue, key))
            target: DOMNode = self.focused or self.screen
            await super().on_event(key)  # priority bindings, else handed to the target
            self._follow(target, key, self._settle)

    def _follow(self, node: DOMNode, key: events.Key, then: Callable[[events.Key], Any]) -> None:
        """Queue a look at ``node`` behind what it has to handle; from there up to its screen,
        then ``then(key)`` at the app."""
        self._key_node = node
        if not node.is_attached or not node.call_later(self._climbed, node, key, then):
            # Gone (the key closed its own dialog): nothing of it is left to wait for.
            self._key_node = None
            self.call_later(then, key)

    def _overdue(self, key: events.Key) -> None:
        """A key slow to report back: go on without it if the widget it waits at has gone."""
        if key is not self._key_in_flight:
            return
        node = self._key_node
        if time.monotonic() - self._key_started > KEY_GIVE_UP:
            self.call_later(self._key_done, key)
        elif node is not None and not node.is_attached:
            self._key_node = None
            self.call_later(self._settle, key)

    def _climbed(self, node: DOMNode, key: events.Key, then: Callable[[events.Key], Any]
                 ) -> None:
        """``node`` has handled what was queued before: on up to the screen, then the app."""
        if key is not self._key_in_flight:
            return
        parent = node.parent
        if isinstance(node, Screen) or parent is None or parent is self:
            # What the key set off on its way up is now queued at the app, before this.
            self._key_node = None
            self.call_later(then, key)
        else:
            self._follow(parent, key, then)

    def _settle(self, key: events.Key) -> None:
        """The key's bindings have run at the app. What they set off (a message to a widget
        that its screen handles by moving the focus, a dialog being pushed) runs next: follow
        it once more, from the widget now focused on the top screen (mounted first)."""
        if key is not self._key_in_flight:
            return
        screen = self.screen
        if not screen.is_mounted:  # just pushed: look again once it has composed and mounted
            self.set_timer(MOUNT_POLL, partial(self._settle, key))
        else:
            self._follow(self.focused or screen, key, self._key_done)

    async def _key_done(self, key: events.Key) -> None:
        if key is not self._key_in_flight:
            return
        self._key_in_flight = None
        if self._key_watchdog is not None:
            self._key_watchdog.stop()
            self._key_watchdog = None
        await self._pump_keys()
