"""Drafting a case from extracted evidence: actors, issue links and each actor's stand."""

TO_BE_SET = "to be set by the analyst"  # what a draft leaves open says so in its rationale
