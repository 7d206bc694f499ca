"""Report data (pure), one renderer per format, and the exporter registry."""
