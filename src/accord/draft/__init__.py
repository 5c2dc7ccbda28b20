"""Drafting a case from extracted evidence: actors, issue links and each actor's stand."""
