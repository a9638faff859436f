"""Dossiers: evidence-based sanctions submissions from civil society to governments.

Organisations hold dossiers on a subject (linked to listings by the lists' own keys), with
allegations filed under the programs' conduct categories and evidence with provenance at a
confidentiality level each. Packets per program carry only what may go to governments;
bundles carry a dossier, signed, to a partner. Confidential fields and files are encrypted
at rest and every read or write of them is in a hash-chained audit log.

Layout: `model`, `records`, `criteria`, `packet*`, `matching`, `files`, `templates` are pure;
`policy` is the one access check every query goes through; `service`, `allegations`,
`evidence`, `submissions`, `orgs`, `board`, `bundle*`, `backup`, `rotation`, `verify` and
`designated` do the I/O; `render_pdf` and `render_docx` lay packets out.
`designated.mark_designated(engine, settings)` is the call the ingest path makes after each ingest.
"""

