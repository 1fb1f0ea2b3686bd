"""Sign-in on screen: the login dialog before the main window, the first administrator of a new
production database, the idle lock over the main window and the change of one's own password.

Each checks passwords through `services/signin.py` off the GUI thread (scrypt takes tens of
milliseconds) and words refusals with `labels.describe_error`, so a locked account shows its
unlock time.
"""

from .change_password import ChangePasswordDialog
from .first_admin import FirstAdminDialog
from .idle_lock import IdleLock, LockScreen
from .login import LoginDialog

__all__ = ["ChangePasswordDialog", "FirstAdminDialog", "IdleLock", "LockScreen", "LoginDialog"]
