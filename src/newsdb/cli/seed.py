"""Loading articles: placeholder until the loader lands."""
