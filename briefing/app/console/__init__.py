"""The presenter console: the window (``window``) and its panels.

Panels draw what they are given and report input through callbacks; none of
them imports the controller.
"""
