"""An input whose Tab takes the suggestion shown (as → does), and moves on when there is none."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class CompletingInput(Input):
    """``CompletingInput(suggester=SuggestFromList(...))``: Tab completes, then moves on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Complete", id="field.complete", show=False,
                tooltip="Take the suggested completion; with none, go to the next field"),
    ]

    async def action_complete(self) -> None:
        suggestion = None
        if self.suggester is not None and self.value:
            typed = self.value if self.suggester.case_sensitive else self.value.casefold()
            suggestion = await self.suggester.get_suggestion(typed)
        if suggestion and suggestion != self.value:
            self.value = suggestion
            self.cursor_position = len(suggestion)
        else:
            self.screen.focus_next()
