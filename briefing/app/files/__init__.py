"""Files in and out of the running app: storyboards dropped on a window
(``drops``), the external editor at a slide's line (``editor``), export from
the File menu on a worker thread (``export_job``).
"""
