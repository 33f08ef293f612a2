"""The console's look: dark, calm, high-contrast numbers readable from a lectern."""

CONSOLE_QSS = """
QMainWindow, QWidget#consoleCentral { background: #0B1118; }
QWidget { color: #E6EDF5; }
QLabel#caption { color: #8FA1B8; font-size: 15px; letter-spacing: 1px; }
QLabel#notesHeading { color: #8FA1B8; font-size: 15px; }
QLabel#notesText { color: #F2F5F8; background: #0B1118; }
QScrollArea, QScrollArea > QWidget > QWidget { background: #0B1118; }
QWidget#timerPanel { background: #111A24; border-radius: 8px; }
QWidget#timerPanel QLabel { background: transparent; }
QLabel#elapsed { font-size: 56px; font-weight: bold; color: #FFFFFF; }
QLabel#elapsed[paused="true"] { color: #F2A541; }
QLabel#clock { font-size: 28px; color: #B8C4D2; }
QLabel#muted { font-size: 15px; color: #8FA1B8; }
QLabel#pace { font-size: 22px; font-weight: bold; }
QLabel#onSlide { font-size: 18px; color: #B8C4D2; }
QLabel#section { font-size: 18px; color: #B8C4D2; }
QLabel#counter { font-size: 30px; font-weight: bold; color: #FFFFFF; }
QLabel#previewBanner { background: #1F4E79; color: #FFFFFF; font-size: 17px; padding: 6px 12px;
    border-radius: 6px; }
QLabel#blankBanner { background: #3A3A3A; color: #FFFFFF; font-size: 17px; padding: 6px 12px;
    border-radius: 6px; }
QLabel#jumpBanner { background: #6B4E16; color: #FFFFFF; font-size: 17px; padding: 6px 12px;
    border-radius: 6px; }
QLabel#endOfTalk { color: #8FA1B8; font-size: 22px; background: #111A24; border-radius: 8px; }
QPushButton { background: #1B2636; border: 1px solid #34465E; border-radius: 6px; padding: 6px 14px;
    font-size: 15px; }
QPushButton:hover { background: #24344A; }
QListWidget#overview { background: #0B1118; border: none; font-size: 15px; }
QListWidget#overview::item:selected { background: #1F4E79; border-radius: 6px; }
QMenuBar { background: #111A24; }
QMenuBar::item:selected, QMenu::item:selected { background: #1F4E79; }
QMenu { background: #111A24; border: 1px solid #34465E; }
"""
