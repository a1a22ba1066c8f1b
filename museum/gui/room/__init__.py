"""The virtual trophy room: a lit room of display cabinets, drawn with QGraphicsView.

RoomPage is the widget the main window shows; poster.render_poster_file is what the CLI uses.
"""
