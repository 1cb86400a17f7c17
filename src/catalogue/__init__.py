"""catalogue: training catalogue and country explorer for international policing assistance."""

__version__ = "0.1.0"
