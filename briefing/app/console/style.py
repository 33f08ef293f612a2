"""The console's look: dark, calm, high-contrast numbers readable from a lectern.

Rules are scoped to ``#consoleCentral`` (and the menus) so dialogs parented
to the console (quit confirmation, file pickers, the timing report) keep the
platform's own readable colours.
"""

CONSOLE_QSS = """
QMainWindow#console, QWidget#consoleCentral { background: #0B1118; }
#consoleCentral QWidget { color: #E6EDF5; }
#consoleCentral QLabel#caption { color: #8FA1B8; font-size: 15px; letter-spacing: 1px; }
#consoleCentral QLabel#notesHeading { color: #8FA1B8; font-size: 15px; }
#consoleCentral QLabel#notesText { color: #F2F5F8; background: #0B1118; }
#consoleCentral QScrollArea, #consoleCentral QScrollArea > QWidget > QWidget { background: #0B1118; }
#consoleCentral QWidget#timerPanel { background: #111A24; border-radius: 8px; }
#consoleCentral QWidget#timerPanel QLabel { background: transparent; }
#consoleCentral QLabel#elapsed { font-size: 56px; font-weight: bold; color: #FFFFFF; }
#consoleCentral QLabel#elapsed[paused="true"] { color: #F2A541; }
#consoleCentral QLabel#clock { font-size: 28px; color: #B8C4D2; }
#consoleCentral QLabel#muted { font-size: 15px; color: #8FA1B8; }
#consoleCentral QLabel#pace { font-size: 22px; font-weight: bold; }
#consoleCentral QLabel#onSlide { font-size: 18px; color: #B8C4D2; }
#consoleCentral QLabel#section { font-size: 18px; color: #B8C4D2; }
#consoleCentral QLabel#counter { font-size: 30px; font-weight: bold; color: #FFFFFF; }
#consoleCentral QLabel#previewBanner { background: #1F4E79; color: #FFFFFF; font-size: 17px;
    padding: 6px 12px; border-radius: 6px; }
#consoleCentral QLabel#blankBanner { background: #3A3A3A; color: #FFFFFF; font-size: 17px;
    padding: 6px 12px; border-radius: 6px; }
#consoleCentral QLabel#jumpBanner { background: #6B4E16; color: #FFFFFF; font-size: 17px;
    padding: 6px 12px; border-radius: 6px; }
#consoleCentral QLabel#endOfTalk { color: #8FA1B8; font-size: 22px; background: #111A24;
    border-radius: 8px; }
#consoleCentral QPushButton { background: #1B2636; border: 1px solid #34465E; border-radius: 6px;
    padding: 6px 14px; font-size: 15px; }
#consoleCentral QPushButton:hover { background: #24344A; }
#consoleCentral QListWidget#overview { background: #0B1118; border: none; font-size: 15px; }
#consoleCentral QListWidget#overview::item:selected { background: #1F4E79; border-radius: 6px; }
QMenuBar { background: #111A24; color: #E6EDF5; }
QMenu { background: #111A24; color: #E6EDF5; border: 1px solid #34465E; }
QMenuBar::item:selected, QMenu::item:selected { background: #1F4E79; }
QMenu::item:disabled { color: #5B6B7F; }
"""
