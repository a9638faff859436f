"""The read model the web app and the REST API share: the analyses computed once per store
state (`state.model.State`, built by `state.build`), and a cache (`state.cache.StateCache`)
that recomputes them in the background when a snapshot is ingested or a judgement recorded.

Nothing is imported here: a command that needs only the kept matcher
(`state.kept_matcher`) does not pay for building the whole state's imports.
"""
