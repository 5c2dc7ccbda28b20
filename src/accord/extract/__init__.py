"""Reading the news: articles in, evidence records (actors, quotes, dates, events) out."""
