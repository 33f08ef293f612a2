"""Presenting: the state both windows observe and the pieces they share.

``deck_state`` (where the talk is), ``typed_number`` (the slide number being
typed) and ``observer`` are plain Python (no Qt); ``keymap`` names the action
of each key; ``navigation`` moves the talk (the first move starts the clock,
F5 / Shift+F5 start the show); ``scenes`` builds and caches slide scenes; ``idle_gc`` runs the
cyclic GC from the event loop while presenting. The controller
(``briefing.app.controller``) owns them; nothing here imports it.
"""
