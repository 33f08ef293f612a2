"""The presenter's tools on a slide (issue 11): laser pointer, pen and highlighter ink
kept per slide, zoom into a region.

Pointer and ink: ``state.py`` (plain-Python tool state; the strokes are a
Qt-free ``briefing.ink.InkBook`` the PPTX exporter also reads), ``overlay.py``
(ink and pointer items above the slide in each scene), ``input.py`` (mouse on
the audience view and the console preview, in canvas coordinates) and
``kit.py`` (pointer and ink put together). Zoom: ``zoom_region.py`` (the
maths, no Qt), ``zoom.py`` (its plain-Python state) and ``zoom_view.py`` (the
audience's camera and picking with the mouse). ``wiring.py`` is what the
controller wires up: the kit and zoom together, attached to both windows in the
order their mouse handling needs, their actions and their Esc. A tool belongs
here when it draws over a slide in both the console preview and the audience
window: its state is plain Python observed by the windows (like
``presenting.deck_state``), its keys go through ``presenting.keymap``, and it
never imports the controller. Mouse navigation on the audience belongs to
``audience.py``; kept rehearsal timings to ``clock``; reloading off the UI
thread to ``live``.
"""
