"""Beside the pipeline: importing articles published elsewhere into content/articles/."""
