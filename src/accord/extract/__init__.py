"""News → evidence: actors, quotes, events, dates; and a draft case from the evidence."""
