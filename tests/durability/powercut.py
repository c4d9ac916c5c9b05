"""A FUSE file system that loses what was not fsynced when the power is cut.

    python tests/durability/powercut.py BACKING MOUNTPOINT SEED KEEP

Every write and truncate goes to an in-memory list per file; reads see the
backing file with that list applied, as a page cache would show them.
``fsync``/``fdatasync`` apply the file's list to the backing file and fsync
it: the backing folder is "the disk". A line ``cut`` on standard input is
the power cut: from then on writes are ignored, and of the writes not yet
synced each is kept with probability KEEP (0 drops them all), in a random
order and possibly torn at a 512-byte sector boundary, as a disk that
reorders its write cache would. The harness then unmounts and checks the
backing folder.

Limits (docs/reliability.md): directory operations (create, rename,
unlink) reach the disk at once, as on a journalling file system that orders
metadata; the -shm file SQLite maps is treated like any file.
"""

from __future__ import annotations

import errno
import os
import random
import sys
import threading

from mfusepy import FUSE, FuseOSError, Operations

SECTOR = 512


class PowerCutFS(Operations):
    use_ns = True

    def __init__(self, backing: str, seed: int, keep: float):
        self.backing = backing
        self.pending: dict[str, list[tuple]] = {}
        self._mutex = threading.Lock()
        self.rng = random.Random(seed)
        self.keep = keep
        self.dead = False
        self.synced_ops = 0
        self.lost_ops = 0

    def _full(self, path: str) -> str:
        return os.path.join(self.backing, path.lstrip("/"))

    # --- the cut -------------------------------------------------------------
    def cut(self) -> tuple[int, int]:
        with self._mutex:
            self.dead = True
            kept = lost = 0
            for path, ops in self.pending.items():
                survivors = [op for op in ops if self.rng.random() < self.keep]
                lost += len(ops) - len(survivors)
                self.rng.shuffle(survivors)
                for op in survivors:
                    if op[0] == "w" and len(op[2]) > SECTOR and self.rng.random() < 0.3:
                        sectors = self.rng.randrange(1, (len(op[2]) + SECTOR - 1) // SECTOR)
                        op = ("w", op[1], op[2][:sectors * SECTOR])  # torn write
                    self._apply(path, [op], sync=False)
                    kept += 1
            self.pending.clear()
            self.lost_ops += lost
            return kept, lost

    # --- helpers -------------------------------------------------------------
    def _apply(self, path: str, ops: list[tuple], sync: bool) -> None:
        full = self._full(path)
        if not os.path.exists(full):
            return
        fd = os.open(full, os.O_WRONLY)
        try:
            for op in ops:
                if op[0] == "w":
                    os.pwrite(fd, op[2], op[1])
                else:
                    os.ftruncate(fd, op[1])
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)

    def _size(self, path: str, base: int) -> int:
        size = base
        for op in self.pending.get(path, ()):
            size = max(size, op[1] + len(op[2])) if op[0] == "w" else op[1]
        return size

    # --- file system ---------------------------------------------------------
    def getattr(self, path, fh=None):
        try:
            st = os.lstat(self._full(path))
        except FileNotFoundError:
            raise FuseOSError(errno.ENOENT) from None
        attrs = {k: getattr(st, k) for k in ("st_atime", "st_ctime", "st_gid", "st_mode",
                                              "st_mtime", "st_nlink", "st_size", "st_uid")}
        with self._mutex:
            attrs["st_size"] = self._size(path, st.st_size)
        return attrs

    def readdir(self, path, fh):
        return [".", ".."] + os.listdir(self._full(path))

    def access(self, path, amode):
        if not os.access(self._full(path), amode):
            raise FuseOSError(errno.EACCES)
        return 0

    def open(self, path, flags):
        if not os.path.exists(self._full(path)):
            raise FuseOSError(errno.ENOENT)
        if flags & os.O_TRUNC:
            self.truncate(path, 0)
        return 0

    def create(self, path, mode, fi=None):
        if self.dead:
            raise FuseOSError(errno.EIO)
        fd = os.open(self._full(path), os.O_WRONLY | os.O_CREAT, mode)
        os.close(fd)
        return 0

    def read(self, path, size, offset, fh):
        with self._mutex:
            full = self._full(path)
            base_size = os.path.getsize(full)
            end = min(offset + size, self._size(path, base_size))
            if end <= offset:
                return b""
            fd = os.open(full, os.O_RDONLY)
            try:
                region = bytearray(os.pread(fd, end - offset, offset))
            finally:
                os.close(fd)
            region.extend(b"\0" * (end - offset - len(region)))
            for op in self.pending.get(path, ()):
                if op[0] == "w":
                    lo, hi = max(op[1], offset), min(op[1] + len(op[2]), end)
                    if lo < hi:
                        region[lo - offset:hi - offset] = op[2][lo - op[1]:hi - op[1]]
                elif op[1] < end:  # a truncate drops what lay beyond it
                    start = max(op[1], offset)
                    region[start - offset:] = b"\0" * (end - start)
            return bytes(region)

    def write(self, path, data, offset, fh):
        with self._mutex:
            if self.dead:
                return len(data)  # the machine is off: nothing reaches the disk
            self.pending.setdefault(path, []).append(("w", offset, bytes(data)))
        return len(data)

    def truncate(self, path, length, fh=None):
        with self._mutex:
            if not self.dead:
                self.pending.setdefault(path, []).append(("t", length))
        return 0

    def fsync(self, path, datasync, fh):
        with self._mutex:
            if self.dead:
                raise FuseOSError(errno.EIO)
            ops = self.pending.pop(path, [])
            self._apply(path, ops, sync=True)
            self.synced_ops += len(ops)
        return 0

    def fsyncdir(self, path, datasync, fh):
        return 0

    def flush(self, path, fh):
        return 0

    def release(self, path, fh):
        return 0

    def unlink(self, path):
        with self._mutex:
            self.pending.pop(path, None)
            os.unlink(self._full(path))
        return 0

    def rename(self, old, new):
        with self._mutex:
            if self.dead:
                raise FuseOSError(errno.EIO)
            os.rename(self._full(old), self._full(new))
            if old in self.pending:
                self.pending[new] = self.pending.pop(old)
            else:
                self.pending.pop(new, None)
        return 0

    def mkdir(self, path, mode):
        os.mkdir(self._full(path), mode)
        return 0

    def rmdir(self, path):
        os.rmdir(self._full(path))
        return 0

    def chmod(self, path, mode):
        os.chmod(self._full(path), mode)
        return 0

    def utimens(self, path, times=None):
        return 0

    def statfs(self, path):
        st = os.statvfs(self._full(path))
        return {k: getattr(st, k) for k in ("f_bavail", "f_bfree", "f_blocks", "f_bsize",
                                             "f_favail", "f_ffree", "f_files", "f_flag",
                                             "f_frsize", "f_namemax")}


def _control(fs: PowerCutFS) -> None:
    for line in sys.stdin:
        if line.strip() == "cut":
            kept, lost = fs.cut()
            print(f"cut {kept} {lost}", flush=True)


def main() -> None:
    backing, mountpoint, seed, keep = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
        float(sys.argv[4])
    fs = PowerCutFS(os.path.abspath(backing), seed, keep)
    threading.Thread(target=_control, args=(fs,), daemon=True).start()
    print("mounting", flush=True)
    FUSE(fs, mountpoint, foreground=True, nothreads=False, allow_other=False)


if __name__ == "__main__":
    main()
