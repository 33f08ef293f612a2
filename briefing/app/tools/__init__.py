"""The presenter's tools on a slide (issue 11): laser pointer, pen and highlighter ink
kept per slide, zoom into a region.

Zoom is ``zoom_region`` (the maths), ``zoom`` (its state) and ``zoom_view``
(the audience's camera and picking with the mouse). A tool belongs here when it draws over a slide in both the
console preview and the audience window: its state is plain Python observed
by the windows (like ``presenting.deck_state``), its keys go through
``presenting.keymap``, and it never imports the controller. Mouse navigation
on the audience belongs to ``audience.py``; kept rehearsal timings to
``clock``; reloading off the UI thread to ``live``.
"""
