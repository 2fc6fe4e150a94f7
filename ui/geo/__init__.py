"""Locating sites in the window: the 定位 button, the 补全坐标 batch, the online-locating settings."""
