"""Ed25519 keys of the device and the county (docs/sync-protocol.md §2).

The ``cryptography`` library does the signing; keys are stored as PKCS#8
PEM files and travel as base64 of their raw 32 bytes.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def raw_public(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_b64(key) -> str:
    return b64(raw_public(key))


def key_id(public: bytes | str) -> str:
    """First 16 hex of sha256 of the raw public key: what people compare."""
    if isinstance(public, str):
        public = unb64(public)
    return hashlib.sha256(public).hexdigest()[:16]


def load_or_create(path: Path, password: bytes | None = None) -> Ed25519PrivateKey:
    """The private key in ``path``, made on first use (owner-only file).

    With ``password`` (the encrypted register's key for it, app/keystore.py)
    the file is kept encrypted; a plain one from before is rewritten so.
    """
    if path.exists():
        raw = path.read_bytes()
        plain = b"ENCRYPTED" not in raw.split(b"\n", 1)[0]
        key = serialization.load_pem_private_key(raw, password=None if plain else password)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path} is not an Ed25519 key")
        if plain and password:
            _write_private(path, key, password)
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    _write_private(path, key, password)
    return key


def _write_private(path: Path, key, password: bytes | None) -> None:
    encryption = (serialization.BestAvailableEncryption(password) if password
                  else serialization.NoEncryption())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            encryption)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    return b64(key.sign(data))


def verify(public: bytes | str, signature_b64: str, data: bytes) -> bool:
    try:
        if isinstance(public, str):
            public = unb64(public)
        Ed25519PublicKey.from_public_bytes(public).verify(unb64(signature_b64), data)
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False


def enrol_proof_message(device_id: str, public_key_b64: str) -> bytes:
    return f"credit-desk-enroll:{device_id}:{public_key_b64}".encode("utf-8")


def load_or_create_box(path: Path):
    """The county's X25519 key pair for batch encryption, made on first use (owner-only file)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, X25519PrivateKey):
            raise ValueError(f"{path} is not an X25519 key")
        return key
    key = X25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return key
