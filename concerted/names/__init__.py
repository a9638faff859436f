"""Names: the one home of how a printed name becomes comparable text. Pure.

- `scripts`: which writing system a name is in (lists rarely say);
- `latin`: any script to lower-case ASCII Latin (ICU; BGN/PCGN for Cyrillic, Han names read
  as family and given name), consonant skeletons for abjad scripts;
- `tokens`: normality's ASCII form, search tokens in any script, an order-free word key;
- `forms`: a name as the parts that matter for matching (titles, particles, patronymics and
  company legal forms set apart), `SURNAME, Given` turned round;
- `compare`: two name forms compared, explained (used by resolution and alerts).

Search (`concerted.matching`), resolution (`concerted.resolve`), alerts, dossiers and the
change analysis all normalise names through these modules and no other way. Nothing is
imported here, so that parsers can use `scripts` without loading the rest.
"""
