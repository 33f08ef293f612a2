"""The presenter app: an audience window and a presenter console on one talk.

Where things live (each room is a package with its own docstring):

- ``controller.py`` the presenter's hands: :class:`PresenterController` owns the
  state, builds both windows and turns keys, clicks and menu choices into
  state changes.
- ``presenting/`` what both windows share: ``DeckState`` (where the talk is),
  the typed slide number, the key map and the slide scene cache.
- ``audience.py`` the projector's window: only the slide.
- ``console/`` the presenter's window and its panels (notes, timer, overview,
  help, menus, style).
- ``clock/`` the talk timer, the pacing plan and the timing report.
- ``live/`` live reload: the file watcher, reloading, applying a reload, the
  problem banner.
- ``files/`` files in and out: dropped storyboards, the external editor,
  export from the menu.
- ``tools/`` the presenter's tools on a slide (pointer, ink, zoom).
- ``settings.py`` remembered choices (QSettings); ``screens.py`` which screen
  gets which window.

Windows and panels only draw state and hand input to callbacks; nothing but
``briefing.commands.show`` creates the controller (contracts in
``pyproject.toml``).
"""
