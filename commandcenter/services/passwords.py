"""Password hashing for `app_user.password_hash`: scrypt with its parameters in the stored string.

Stored form: ``scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>``. Keeping the cost parameters in the
string lets a later release raise them without invalidating existing hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import os

SCRYPT_N = 16384
SCRYPT_R = 8
SCRYPT_P = 1
HASH_BYTES = 32
SALT_BYTES = 16
_PREFIX = "scrypt"


def _derive(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=256 * n * r + (1 << 20)
    )


def hash_password(password: str, salt: bytes | None = None) -> str:
    """The stored form of `password`; a random salt unless one is given (the demo passes its own)."""
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = _derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return f"{_PREFIX}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether `password` matches `stored`; a missing or malformed hash never matches."""
    if not stored:
        return False
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _PREFIX:
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, expected = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        return False
    if n < 2 or n & (n - 1) or not (0 < r <= 64 and 0 < p <= 16) or not expected:
        return False
    actual = _derive(password, salt, n, r, p, len(expected))
    return hmac.compare_digest(actual, expected)
