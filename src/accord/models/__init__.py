"""Bargaining models over the array view of a case."""
