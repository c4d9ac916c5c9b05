"""The register's data key, wrapped once per user and once for recovery.

An encrypted register (SQLCipher, see db/connection.py) is opened with a
random 32-byte *data key*. The key is never stored in clear: ``keys.json``
beside the register holds it wrapped (AES-256-GCM, pyca/cryptography) under
a key derived from each user's password with argon2id, and once under a
recovery key shown to the administrator at setup to print and lock away.
Adding a user or changing a password wraps the same data key again; the
register is never re-encrypted. The file holds no personal data, only
user names, salts and wrapped keys.

``keys.json`` lives outside the register because it is needed before the
register can be read. A process that has unlocked a register keeps its key
in memory (``_unlocked``) for the connections it opens.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from filelock import FileLock, Timeout

from app.errors import UserError
from app.files import TEMP_PREFIX, fsync_folder
from app.i18n import translate
from app.paths import DataDir

KEYS_FILE = "keys.json"
# argon2id at OWASP's recommended minimum, as the sign-in hash (app/accounts/auth.py):
# unlocking happens once per sign-in, not per query.
KDF = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}
RECOVERY_GROUPS = 8  # 8 groups of 5 base32 characters: 200 bits

_unlocked: dict[Path, bytes] = {}


class Locked(UserError):
    """The register is encrypted and nobody has signed in to this process."""


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def keys_path(data: DataDir) -> Path:
    return data.root / KEYS_FILE


def is_encrypted(data: DataDir) -> bool:
    return keys_path(data).exists()


def is_demo_register(data: DataDir) -> bool:
    """Whether an encrypted register is the demo's (readable before unlocking)."""
    return is_encrypted(data) and bool(_load(data).get("demo"))


def _load(data: DataDir) -> dict[str, Any]:
    return json.loads(keys_path(data).read_text(encoding="utf-8"))


def _lock(data: DataDir) -> FileLock:
    """keys.json is shared by every process on the data folder (the desktop app, a
    command run beside it, a second official's session): changes to it are made
    one at a time, each reading the file afresh, so none is lost."""
    return FileLock(str(keys_path(data)) + ".lock", timeout=60)


def _save(data: DataDir, store: dict[str, Any]) -> None:
    with _lock(data):
        _write(data, store)


@contextlib.contextmanager
def _changing(data: DataDir):
    """Read keys.json, let the caller change it, write it back, under the lock."""
    with _lock(data):
        store = _load(data)
        before = json.dumps(store, sort_keys=True)
        yield store
        if json.dumps(store, sort_keys=True) != before:
            _write(data, store)


def _write(data: DataDir, store: dict[str, Any]) -> None:
    """Write keys.json whole or not at all (temp, fsync, rename)."""
    path = keys_path(data)
    temp = path.with_name(TEMP_PREFIX + KEYS_FILE)
    with open(temp, "w", encoding="utf-8") as handle:
        json.dump(store, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)
    fsync_folder(path.parent)


def _derive(secret: str, salt: bytes, kdf: dict[str, int]) -> bytes:
    return hash_secret_raw(secret.encode("utf-8"), salt, hash_len=32, type=Type.ID, **kdf)


def _wrap(data_key: bytes, secret: str, label: str) -> dict[str, Any]:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wrapped = AESGCM(_derive(secret, salt, KDF)).encrypt(nonce, data_key, label.encode())
    return {"salt": _b64(salt), "nonce": _b64(nonce), "kdf": dict(KDF),
            "wrapped": _b64(wrapped)}


def _unwrap(entry: dict[str, Any], secret: str, label: str) -> bytes | None:
    kek = _derive(secret, _unb64(entry["salt"]), entry["kdf"])
    try:
        return AESGCM(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped"]),
                                   label.encode())
    except InvalidTag:
        return None


def _hash_parts(phc: str) -> tuple[dict[str, int], bytes, bytes]:
    """argon2id parameters, salt and hash of an argon2-cffi PHC string."""
    _, variant, version, params, salt, digest = phc.split("$")
    if variant != "argon2id" or version != "v=19":
        raise ValueError("not an argon2id v19 hash")
    kdf = {k: int(v) for k, v in (p.split("=") for p in params.split(","))}

    def unb64(text: str) -> bytes:
        return base64.b64decode(text + "=" * (-len(text) % 4))

    return ({"time_cost": kdf["t"], "memory_cost": kdf["m"], "parallelism": kdf["p"]},
            unb64(salt), unb64(digest))


def _provisional_kek(digest: bytes) -> bytes:
    return hmac.new(digest, b"credit-desk:provisional-wrap", hashlib.sha256).digest()


def _wrap_provisional(data_key: bytes, username: str, phc: str) -> dict[str, Any]:
    """A wrap for a user whose password is unknown here, from their sign-in hash.

    Used only when a plain register is converted: the other users' passwords
    are not known, but their argon2id sign-in hashes are, and the same
    password gives the same hash again at their next sign-in, which then
    replaces this entry by a proper wrap (``on_password``). Weaker than a
    proper wrap only against someone who already holds a copy of the plain
    register from before the conversion (docs/reliability.md).
    """
    kdf, salt, digest = _hash_parts(phc)
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(_provisional_kek(digest)).encrypt(nonce, data_key,
                                                       ("user:" + username).encode())
    head = phc.rsplit("$", 1)[0]  # the parameters and salt, never the hash itself
    return {"from_sign_in_hash": head, "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _unwrap_provisional(entry: dict[str, Any], password: str, username: str) -> bytes | None:
    kdf, salt, _ = _hash_parts(entry["from_sign_in_hash"] + "$")
    digest = hash_secret_raw(password.encode("utf-8"), salt, hash_len=32, type=Type.ID, **kdf)
    try:
        return AESGCM(_provisional_kek(digest)).decrypt(
            _unb64(entry["nonce"]), _unb64(entry["wrapped"]), ("user:" + username).encode())
    except InvalidTag:
        return None


def _normal_recovery(text: str) -> str:
    return "".join(c for c in text.upper() if c.isalnum())


def new_recovery_key() -> str:
    raw = base64.b32encode(secrets.token_bytes(25)).decode("ascii")
    return "-".join(raw[i:i + 5] for i in range(0, 5 * RECOVERY_GROUPS, 5))


def create(data: DataDir, users: dict[str, str], *, demo: bool = False) -> tuple[bytes, str]:
    """A new data key wrapped for ``users`` ({username: password}) and a recovery key.

    Returns (data key, recovery key to show once).
    """
    data_key = secrets.token_bytes(32)
    recovery = new_recovery_key()
    store = {"version": 1, "cipher": "sqlcipher4",
             "users": {name: _wrap(data_key, pw, "user:" + name) for name, pw in users.items()},
             "recovery": _wrap(data_key, _normal_recovery(recovery), "recovery")}
    if demo:
        store["demo"] = True
    _save(data, store)
    return data_key, recovery


def remember(data: DataDir, data_key: bytes) -> None:
    _unlocked[data.register.resolve()] = data_key


def forget(data: DataDir) -> None:
    _unlocked.pop(data.register.resolve(), None)


def key_for(data: DataDir) -> bytes | None:
    """The key to open ``data``'s register: None if it is plain; Locked if not unlocked."""
    if not is_encrypted(data):
        return None
    key = _unlocked.get(data.register.resolve())
    if key is None:
        raise Locked(translate("Keys", "The register is encrypted: sign in with your user name "
                                       "and password to open it."))
    return key


def known_key(data: DataDir) -> bytes | None:
    """The key if this process has unlocked ``data`` (None if plain or still locked)."""
    return key_of_register(data.register)


def key_of_register(path: Path) -> bytes | None:
    """The key this process unlocked the register file ``path`` with (None if
    plain or still locked), for a process of its own it hands work to."""
    return _unlocked.get(Path(path).resolve())


def unlock(data: DataDir, username: str, password: str) -> bool:
    """Unwrap the data key with a user's password; False if the register is plain."""
    if not is_encrypted(data):
        return False
    entry = _load(data)["users"].get(username)
    key = None
    if entry and "from_sign_in_hash" in entry:
        key = _unwrap_provisional(entry, password, username)
    elif entry:
        key = _unwrap(entry, password, "user:" + username)
    if key is None:
        _note_failure(data, username)
        raise UserError(translate(
            "Keys", "The user name or password is wrong, or this user has no key to the "
                    "encrypted register yet (an administrator sets the password again to give "
                    "one)."))
    remember(data, key)
    return True


MAX_NOTED_FAILURES = 50


def _note_failure(data: DataDir, username: str) -> None:
    """Keep a wrong password for the sign-in log: the register cannot be written now.

    The attempt log and the lockout counter live in the encrypted register,
    which a wrong password cannot open; ``replay_failures`` enters them at
    the next sign-in that can, so five wrong passwords still lock the account.
    """
    import datetime as dt

    with contextlib.suppress(OSError, ValueError, Timeout), _changing(data) as store:
        noted = store.setdefault("failed_sign_ins", [])
        noted.append({"username": (username or "")[:40],
                      "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})
        del noted[:-MAX_NOTED_FAILURES]


def replay_failures(data: DataDir, db, via: str) -> None:
    """Enter the wrong passwords noted while the register was locked into its sign-in log.

    Each goes through ``auth.authenticate`` at the time it happened, so the
    attempt log and the lockout rule are the same as for a plain register.
    """
    import datetime as dt

    from app.accounts import auth

    if not is_encrypted(data):
        return
    with _changing(data) as store:
        noted = store.pop("failed_sign_ins", None)
    for attempt in noted or ():
        with contextlib.suppress(UserError):
            auth.authenticate(db, attempt["username"], "\x00", via=via,
                              now=dt.datetime.fromisoformat(attempt["at"]))


def unlock_with_recovery(data: DataDir, recovery_key: str) -> bytes:
    key = _unwrap(_load(data)["recovery"], _normal_recovery(recovery_key), "recovery")
    if key is None:
        raise UserError(translate("Keys", "That recovery key does not open this register."))
    remember(data, key)
    return key


def set_user_key(data: DataDir, username: str, password: str) -> None:
    """Wrap the (unlocked) data key for ``username`` under a new password."""
    data_key = key_for(data)
    if data_key is None:
        return
    wrapped = _wrap(data_key, password, "user:" + username)  # slow: outside the lock
    with _changing(data) as store:
        store["users"][username] = wrapped


def remove_user_key(data: DataDir, username: str) -> None:
    with _changing(data) as store:
        store["users"].pop(username, None)


def subkey(data: DataDir, purpose: str) -> bytes | None:
    """A key for one purpose derived from the data key (None for a plain register).

    Other secrets beside the register (the sync device key) are encrypted
    with it, so they open exactly when the register does.
    """
    data_key = key_for(data)
    if data_key is None:
        return None
    return hmac.new(data_key, b"credit-desk:" + purpose.encode(), hashlib.sha256).digest()


def data_dir_of(db) -> DataDir | None:
    """The data folder of an open register (its file's folder)."""
    row = next((r for r in db.execute("PRAGMA database_list").fetchall() if r[1] == "main"),
               None)
    return DataDir(Path(row[2]).parent) if row and row[2] else None


def on_password(db, user_id: str, password: str, event: str) -> None:
    """Accounts' password listener: a new password re-wraps the data key for that user.

    At a sign-in ("verified"), a provisional wrap made at conversion from the
    user's sign-in hash is replaced by a proper one under a fresh salt.
    """
    if event not in ("set", "verified"):
        return
    data = data_dir_of(db)
    if data is None or not is_encrypted(data):
        return
    username = db.execute("SELECT username FROM app_user WHERE id = ?", [user_id]).fetchone()
    if username and event == "verified":
        entry = _load(data)["users"].get(username[0])
        if not (entry and "from_sign_in_hash" in entry):
            return
    if username:
        with contextlib.suppress(Locked):
            set_user_key(data, username[0], password)


SQLITE_HEADER = b"SQLite format 3\x00"
CONVERTING = TEMP_PREFIX + "encrypted.sqlite3"


def is_plain_file(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def _export_encrypted(source: Path, target: Path, data_key: bytes) -> dict[str, int]:
    """Copy a plain SQLite file into a new encrypted one; returns the copy's counts."""
    from app.backup import counts
    from db.connection import raw_connect

    target.unlink(missing_ok=True)
    plain = raw_connect(source, create=False)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        expected = counts(plain)
        versions = plain.execute("PRAGMA user_version").fetchone()[0], \
            plain.execute("PRAGMA application_id").fetchone()[0]
    finally:
        plain.close()
    from db.connection import CIPHER_FORMAT, sqlcipher

    conn = sqlcipher.connect(str(source), isolation_level=None)
    try:
        conn.execute("ATTACH DATABASE ? AS enc KEY \"x'" + data_key.hex() + "'\"",
                     [str(target)])
        for pragma in CIPHER_FORMAT.pragmas("enc"):
            conn.execute(pragma)
        conn.execute("SELECT sqlcipher_export('enc')")
        conn.execute(f"PRAGMA enc.user_version = {int(versions[0])}")
        conn.execute(f"PRAGMA enc.application_id = {int(versions[1])}")
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()
    check = raw_connect(target, key=data_key, create=False)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0]
        got = counts(check)
    finally:
        check.close()
    if ok != "ok" or got != expected:
        target.unlink(missing_ok=True)
        raise UserError(translate("Keys", "The encrypted copy did not match the register "
                                          "({detail}); nothing was changed.").format(
            detail=ok if ok != "ok" else "counts"))
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())
    return got


def encrypt_register(data: DataDir, users: dict[str, str], *,
                     provisional: dict[str, str] | None = None,
                     backup_first: bool = True, demo: bool = False) -> str:
    """Convert the plain register in ``data`` (closed by the caller) to an encrypted one.

    ``users`` ({username: password}) get a proper wrap of the new data key;
    ``provisional`` ({username: argon2id sign-in hash}) a wrap from their
    sign-in hash, made proper at their next sign-in (``_wrap_provisional``).
    The encrypted copy is made and checked (same counts) first and kept as a
    backup (unless ``backup_first`` is off: a register just built, as the
    demo); keys.json is written before the register is replaced, and a cut
    between the two is finished at the next open (``finish_conversion``).
    Plain backups in the backups folder are encrypted too. ``demo`` marks
    the keys as the demo register's, so the login screen can list the demo
    accounts before anything is unlocked. Returns the recovery key (shown
    once).
    """
    if is_encrypted(data):
        raise UserError(translate("Keys", "The register is already encrypted."))
    if not users:
        raise ValueError("at least one user must get a key")
    import datetime as dt
    import shutil

    data_key = secrets.token_bytes(32)
    temp = data.root / CONVERTING
    _export_encrypted(data.register, temp, data_key)
    if backup_first:
        data.backups.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        shutil.copyfile(temp, data.backups / f"register-{stamp}-before-encryption.sqlite3")
    recovery = new_recovery_key()
    wraps = {name: _wrap_provisional(data_key, name, phc)
             for name, phc in (provisional or {}).items() if name not in users}
    wraps.update({name: _wrap(data_key, pw, "user:" + name) for name, pw in users.items()})
    store = {"version": 1, "cipher": "sqlcipher4", "users": wraps,
             "recovery": _wrap(data_key, _normal_recovery(recovery), "recovery")}
    if demo:
        store["demo"] = True
    _save(data, store)
    finish_conversion(data)
    for old in sorted(data.backups.glob("*.sqlite3")) if data.backups.exists() else ():
        if is_plain_file(old):
            part = old.with_name(TEMP_PREFIX + old.name)
            try:
                _export_encrypted(old, part, data_key)
                os.replace(part, old)
            except Exception:  # noqa: BLE001 - a damaged old backup stays as it is
                part.unlink(missing_ok=True)
    remember(data, data_key)
    from app.files import encrypt_folder

    encrypt_folder(data, data.root / "letters" / "attachments")  # scans kept before
    return recovery


def create_register(data: DataDir, users: dict[str, str], *, demo: bool = False) -> str:
    """Keys for a register not made yet: the next open creates it encrypted.

    Returns the recovery key (shown once). The key stays unlocked in this
    process, so the caller opens the new register without a second sign-in.
    """
    if data.register.exists() or is_encrypted(data):
        raise UserError(translate("Keys", "There is a register in {path} already.").format(
            path=data.root))
    data.root.mkdir(parents=True, exist_ok=True)
    data_key, recovery = create(data, users, demo=demo)
    remember(data, data_key)
    return recovery


def convert_at_sign_in(data: DataDir, db, username: str, password: str) -> str | None:
    """Encrypt a plain register when an administrator signs in (an upgraded register).

    ``db`` is open on the register and is closed here: the conversion needs
    the file to itself. Every other user with a password gets a provisional
    wrap from their sign-in hash, so no one is locked out. Returns the
    recovery key to show the administrator, or None if nothing was done
    (already encrypted, or not an administrator).
    """
    if is_encrypted(data):
        return None
    row = db.execute("SELECT role FROM app_user WHERE username = ? AND active = 1",
                     [username]).fetchone()
    if not row or row[0] != "admin":
        return None
    others = sign_in_hashes(db, but=username)
    db.close()
    return encrypt_register(data, {username: password}, provisional=others)


def sign_in_hashes(db, *, but: str) -> dict[str, str]:
    """{username: argon2id sign-in hash} of every user with a password except ``but``."""
    return {u: h for u, h in db.execute(
        "SELECT username, password_hash FROM app_user WHERE password_hash IS NOT NULL "
        "AND username != ?", [but]).fetchall() if h.startswith("$argon2id$v=19$")}


def unlock_from_env(data: DataDir) -> bool:
    """Unlock with CREDIT_DESK_USER / CREDIT_DESK_PASSWORD (scripts, benchmarks, tests' helpers)."""
    if not is_encrypted(data) or data.register.resolve() in _unlocked:
        return False
    return unlock(data, os.environ.get("CREDIT_DESK_USER", ""),
                  os.environ.get("CREDIT_DESK_PASSWORD", ""))


def finish_conversion(data: DataDir) -> None:
    """Put a checked encrypted copy in place of a plain register (roll forward)."""
    temp = data.root / CONVERTING
    if not (is_encrypted(data) and temp.exists()):
        return
    if data.register.exists() and not is_plain_file(data.register):
        temp.unlink()  # already in place; the temp is a leftover
        return
    os.replace(temp, data.register)
    for suffix in ("-wal", "-shm"):
        data.register.with_name(data.register.name + suffix).unlink(missing_ok=True)
    fsync_folder(data.root)
