"""Qt infrastructure shared by views and widgets: background tasks, the live change feed,
settings, icons and the application context handed to every screen."""
