"""Qt-free core of the study-tour planner: models, file formats, travel, scheduler."""

__version__ = "0.1.0"
