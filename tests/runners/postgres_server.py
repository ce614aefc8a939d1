# SPDX-License-Identifier: Apache-2.0
"""A throw-away PostgreSQL server (Debian's postgresql package) with logical replication on, on
loopback at a random port, for the CDC tests. PostgreSQL refuses to run as root, so as root the
server runs as the `postgres` user the package creates."""

import glob
import os
import shutil
import subprocess
from pathlib import Path

from kafka_broker import free_port


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class PostgresServer:
    def __init__(self, workdir: Path, password: str = "uis-test-pw"):
        self.bin = pg_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        self.workdir = Path(workdir)
        self.data = self.workdir / "pgdata"
        self.port = free_port()
        self.password = password
        self.as_root = os.geteuid() == 0

    def _cmd(self, *args):
        return ["runuser", "-u", "postgres", "--", *args] if self.as_root else list(args)

    def start(self) -> "PostgresServer":
        self.workdir.mkdir(parents=True, exist_ok=True)
        pwfile = self.workdir / "pw"
        pwfile.write_text(self.password + "\n")
        if self.as_root:
            shutil.chown(self.workdir, "postgres", "postgres")
            shutil.chown(pwfile, "postgres", "postgres")
            # the parents must be traversable by the postgres user
            for p in self.workdir.parents:
                if str(p).startswith("/tmp/") and p.stat().st_mode & 0o001 == 0:
                    os.chmod(p, p.stat().st_mode | 0o711)
        subprocess.run(
            self._cmd(
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=scram-sha-256",
                f"--pwfile={pwfile}",
                "-E",
                "UTF8",
                "--no-sync",
            ),
            check=True,
            capture_output=True,
        )
        with open(self.data / "postgresql.conf", "a") as f:
            f.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.workdir}'\n"
                "wal_level = logical\nmax_replication_slots = 4\nmax_wal_senders = 4\nfsync = off\n"
            )
        r = subprocess.run(
            self._cmd(
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.workdir / "pg.log"),
                "-w",
                "-t",
                "60",
                "start",
            ),
            capture_output=True,
            text=True,
        )
        if r.returncode != 0:
            raise RuntimeError(
                f"postgres did not start: {r.stdout}{r.stderr}"
                f"{(self.workdir / 'pg.log').read_text()}"
            )
        return self

    def psql(self, sql: str, db: str = "postgres") -> str:
        env = dict(os.environ, PGPASSWORD=self.password)
        r = subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                db,
                "-v",
                "ON_ERROR_STOP=1",
                "-qAt",
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            env=env,
        )
        if r.returncode != 0:
            raise RuntimeError(f"psql failed: {r.stderr}")
        return r.stdout

    def stop(self):
        subprocess.run(
            self._cmd(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"),
            capture_output=True,
        )
