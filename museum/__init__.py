"""Museum: a catalogue of trophies, medals and memorabilia, with a virtual trophy room."""

__version__ = "0.1.0"
