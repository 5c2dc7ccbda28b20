"""Importers for other tools' input files (Decide, KTAB): each returns an accord :class:`Case`."""
