"""Programme outlines: bespoke courses assembled from the module library for one country.

``model`` validates input, ``schema`` creates the user tables, ``queries`` reads,
``changes`` writes, ``templates`` starts and clones programmes, ``computations`` derives
totals, coverage and warnings, ``costing`` estimates costs, and ``outline`` puts it all
together as the plain data that the CLI, the TUI and the exports share.
"""
