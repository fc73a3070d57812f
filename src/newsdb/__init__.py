"""newsdb: a relational database for analysing how news articles source what they report."""

__version__ = "0.1.0"
