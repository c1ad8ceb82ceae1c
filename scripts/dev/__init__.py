"""Beside the pipeline: tools for developers (the benchmark, the Lighthouse audit, a local server)."""
