"""An accessible text-to-speech news reader for Vietnamese local-government news."""

__version__ = "0.1.0"
