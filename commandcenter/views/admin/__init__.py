"""The admin screen (`screen`): its tabs for users and the permission matrix (`users_tab`),
centres (`centres_tab`), categories and time limits (`categories_tab`) and the holiday
calendar (`holidays_tab`), their dialogs (`dialogs`) and what they share (`base`). The package
exposes `SCREEN`, which is how app.discover_screens finds it."""

from .screen import SCREEN, AdminView

__all__ = ["SCREEN", "AdminView"]
