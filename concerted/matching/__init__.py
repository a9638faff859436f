"""Matching names against the lists: the one matcher (`matcher.Matcher`) behind `concerted
match`, `POST /match/{dataset}` and the web match page, its name index and the request caps
(pure), and the copy the command line keeps on disk per store state (`kept`)."""
