"""Reading the news: articles in, evidence records (actors, quotes, dates, events) out."""

# what installs the reading stage (spaCy, its model, trafilatura): the nlp extra pins the
# model's package; here, so that commands can name it without importing spaCy
INSTALL = "pip install 'accord[nlp]'"
