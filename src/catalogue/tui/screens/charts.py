"""Charts (F7): workload by discipline, requests by state over time, step times against the
local-practice targets, and training delivered by region and year.

One worker computes every figure (core.stats); the plots (textual-plotext) only draw them.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from catalogue.core.counting import plural
from catalogue.core.requests.states import LABELS, TERMINAL
from catalogue.core.stats.overview import ChartData, chart_data
from catalogue.tui.screens.base import CatalogueScreen
from catalogue.tui.widgets.key_footer import KeyFooter
from catalogue.tui.widgets.navbar import NavBar
from catalogue.tui.workers import Loaded, deliver

OVERDUE_SHOWN = 8
#: One colour per line or bar series (plotext's own sequence repeats after a few).
COLOURS = ((53, 132, 228), (46, 194, 126), (229, 165, 10), (224, 27, 36), (145, 65, 172),
           (99, 69, 44), (0, 184, 212), (246, 211, 45), (192, 97, 203), (152, 106, 68))


class ChartsLoaded(Loaded[ChartData]):
    """Every figure the charts draw (core.stats)."""


class ChartsScreen(CatalogueScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "toggle_delivered", "All/delivered", id="charts.delivered",
                tooltip="Workload of every programme, or only of programmes delivered"),
        Binding("f5,ctrl+r", "reload", "Reload", id="charts.refresh",
                tooltip="Compute the figures again"),
    ]

    def __init__(self) -> None:
        super().__init__(id="charts")
        self.delivered_only = False
        self.data: ChartData | None = None

    def compose(self) -> ComposeResult:
        yield NavBar("charts")
        with TabbedContent(id="chart-tabs"):
            with TabPane("Workload", id="tab-workload"):
                yield PlotextPlot(id="plot-workload")
            with TabPane("Requests over time", id="tab-states"):
                yield PlotextPlot(id="plot-states")
            with TabPane("Step times", id="tab-steps"), Vertical():
                yield PlotextPlot(id="plot-steps")
                yield Static("", id="overdue")
            with TabPane("Delivered by region", id="tab-regions"):
                yield PlotextPlot(id="plot-regions")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.action_reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="charts")
    def load_charts(self, delivered_only: bool) -> None:
        deliver(self, ChartsLoaded(self.backend.call(chart_data, delivered_only=delivered_only)))

    @on(ChartsLoaded)
    def show_charts(self, message: ChartsLoaded) -> None:
        data = message.result
        self.data = data
        draw_workload(self.query_one("#plot-workload", PlotextPlot), data)
        draw_states(self.query_one("#plot-states", PlotextPlot), data)
        draw_steps(self.query_one("#plot-steps", PlotextPlot), data)
        self.query_one("#overdue", Static).update(overdue_text(data))
        draw_regions(self.query_one("#plot-regions", PlotextPlot), data)
        self.catalogue.screen_ready(self)

    def action_toggle_delivered(self) -> None:
        self.delivered_only = not self.delivered_only
        self.action_reload()

    def action_reload(self) -> None:
        self.load_charts(self.delivered_only)


def draw_workload(plot: PlotextPlot, data: ChartData) -> None:
    plt = plot.plt
    plt.clear_figure()
    shown = data.workload[::-1]  # plotext draws horizontal bars from the bottom up
    names = [f"{d.title[:24]} ({d.programmes:,})" for d in shown]
    plt.bar(names, [d.hours for d in shown], orientation="horizontal", width=0.6,
            color=COLOURS[0])
    which = "programmes delivered" if data.delivered_only else "all programmes"
    plt.title(f"Hours by discipline, {which} (how many in brackets)")
    plot.refresh()


def draw_states(plot: PlotextPlot, data: ChartData) -> None:
    plt = plot.plt
    plt.clear_figure()
    series = data.states
    x = list(range(len(series.months)))
    shown = [(state, values) for state, values in series.counts.items() if state not in TERMINAL]
    for (state, values), colour in zip(shown, COLOURS, strict=False):
        plt.plot(x, values, label=LABELS[state], marker="braille", color=colour)
    step = max(1, len(x) // 8)
    plt.xticks([float(i) for i in x[::step]], series.months[::step])
    plt.title("Open requests in each state at the end of each month")
    plot.refresh()


def draw_steps(plot: PlotextPlot, data: ChartData) -> None:
    plt: Any = plot.plt  # plotext's stubs lack the per-series labels and colours it takes
    plt.clear_figure()
    steps = data.steps.steps
    names = [s.label[:18] for s in steps]
    plt.multiple_bar(names, [[s.median_days or 0 for s in steps],
                             [s.target_days or 0 for s in steps]],
                     labels=["median days", "target (local practice)"],
                     color=[COLOURS[0], COLOURS[2]])
    plt.title("Days from entering each state to the next step")
    plot.refresh()


def overdue_text(data: ChartData) -> Text:
    report = data.steps
    text = Text(f"Targets: {report.basis}.\n", style="dim")
    if not report.overdue:
        text.append(f"No open request is past its target (as of {report.as_of}).")
        return text
    text.append(f"{plural(report.overdue_total, 'open request')} past target as of "
                f"{report.as_of}",
                style="bold")
    text.append("; furthest past: " if report.overdue_total > OVERDUE_SHOWN else ": ")
    text.append("; ".join(f"#{o.request_id} {o.country_name}, {LABELS[o.state]} "
                          f"{plural(o.days, 'day')} (target {o.target_days})"
                          for o in report.overdue[:OVERDUE_SHOWN]))
    return text


def draw_regions(plot: PlotextPlot, data: ChartData) -> None:
    plt: Any = plot.plt  # as in draw_steps
    plt.clear_figure()
    table = data.regions
    if table.years:
        regions = list(table.counts)
        plt.stacked_bar(table.years, [table.counts[r] for r in regions], labels=regions,
                        color=list(COLOURS[:len(regions)]))
    plt.title("Requests delivered by UN region and course year")
    plot.refresh()
