"""Domain-free shared code: fiscal years, middleware, base templates and tags."""
