"""Drafting a case from extracted evidence: stances, positions, actors, veto players."""
