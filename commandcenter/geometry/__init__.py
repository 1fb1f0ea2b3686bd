"""Plane geometry on lon/lat data, free of Qt and of the database.

Services, reports, the simulator and widgets all turn WGS84 degrees into metres; they share
one projection from here rather than each writing its own cos(latitude) scale.
"""
