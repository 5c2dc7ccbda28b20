"""Scoring extraction against hand-written gold files: quotes, speakers, events, PLOVER."""
