"""The world map: Natural Earth outlines, rasterised in pure Python, shaded by a measure.

``shapes`` reads the outlines shipped in ``data/natural-earth/``; ``raster`` turns them into a
grid of country indices for a view and a size (cached); ``shading`` computes what each country
is coloured by; ``picture`` puts them together for the faces to draw.
"""
