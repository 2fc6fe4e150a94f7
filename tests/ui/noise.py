"""Messages QtWebEngine prints on the offscreen platform (no OpenGL, no GPU): environment, not our code."""

import pytest

WEBENGINE_NOISE = ("QRhiGles2", "Failed to create RHI", "propagateSizeHints", "GPUInfo not initialized")
ignore_webengine_noise = pytest.mark.qt_log_ignore(*WEBENGINE_NOISE)
