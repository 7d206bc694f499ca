"""The tool library: guides, research, videos, podcasts, templates and links members share,
with their downloads counted per day (never who downloaded) for the plan's indicators."""
