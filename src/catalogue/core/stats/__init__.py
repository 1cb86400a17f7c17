"""Statistics for the charts and ``catalogue stats``: typed results computed from the store.

``workload`` (hours and programmes by discipline, training delivered by region and year),
``flow`` (requests by state over time, how long each step takes, requests past target) and
``targets`` (the local-practice targets in ``data/workflow-targets.toml``).
"""
