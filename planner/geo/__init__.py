"""Where a site is: its county from the address (offline) and its point from a geocoder (online)."""
