"""accord: what should we expect from these talks?"""

__version__ = "0.1.0"
