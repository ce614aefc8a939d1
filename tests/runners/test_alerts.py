# SPDX-License-Identifier: Apache-2.0
"""Alerts of dcp-local (`--alerts FILE`) against a real SMTP server (aiosmtpd: STARTTLS and
login required) and a real HTTP webhook receiver, both on loopback; no mocks of either.

The jobs are run by a script standing in for spark-submit that exits as a file says (0 or 1),
as the server's own tests do (tests/server/tst_dcplocal.cpp): what is tested is the alerting,
and five real Spark failures within a minute are more than this machine's two cores can run.

- a job that fails sends exactly one mail and one webhook; its recovery (the next run of the
  same job name succeeds) one of each, after the rule's quiet period;
- a job that flaps (fails five times within a minute, succeeding in between) sends one;
- a dead receiver (a webhook that never answers) delays nothing else: the mail and the live
  webhook arrive at once, the API answers, and the dead delivery shows its retries and error."""

import json
import os
import subprocess
import time
import urllib.error
import urllib.request

import pytest
import templates as T
from alert_receivers import DeadReceiver, SmtpReceiver, WebhookReceiver
from clusters import launch_dcp, stop_dcp, wait_for

PASSWORD = "s3cret-for-the-test"


class AlertDcp:
    """dcp-local with --alerts and a script engine whose exit code the test sets."""

    def __init__(self, folder, alerts_yaml):
        self.folder = folder
        self.exit_file = folder / "exit_code"
        self.exit_file.write_text("1")
        engine = folder / "spark-submit"
        engine.write_text(f"#!/bin/sh\nsleep 0.2\nexit $(cat {self.exit_file})\n")
        engine.chmod(0o755)
        alerts = folder / "alerts.yaml"
        alerts.write_text(alerts_yaml)
        env = dict(os.environ, XDG_CONFIG_HOME=str(folder / "xdg"), UIS_TEST_SMTP_PASSWORD=PASSWORD)
        self.output = []
        self.proc, self.url = launch_dcp(
            [
                "--data-dir",
                str(folder / "data"),
                "--spark-submit",
                str(engine),
                "--alerts",
                str(alerts),
                "--max-concurrent",
                "4",
            ],
            env,
            self.output,
        )
        self.token = (folder / "data" / "token").read_text().strip()

    def api(self, method, path, body=None, timeout=15):
        req = urllib.request.Request(
            self.url + path,
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, json.loads(r.read() or b"{}")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")

    def run(self, name, exit_code):
        """Submits a job of `name` that ends with `exit_code`; waits for its end."""
        self.exit_file.write_text(str(exit_code))
        code, body = self.api("POST", "/api/v1/jobs", job(name))
        assert code == 201, body
        jid = body["job_id"]
        want = "SUCCEEDED" if exit_code == 0 else "FAILED"
        wait_for(
            f"{jid} to end {want}",
            lambda: self.api("GET", f"/api/v1/jobs/{jid}")[1]["status"] == want,
            30,
            0.1,
        )
        return jid

    def alerts(self):
        code, body = self.api("GET", "/api/v1/alerts")
        assert code == 200, body
        return body

    def ctl(self, *args):
        return subprocess.run(
            [str(T.tool("uisctl")), *args, "--url", self.url],
            capture_output=True,
            text=True,
            timeout=60,
            env=dict(os.environ, DCP_TOKEN=self.token),
        )

    def stop(self):
        stop_dcp(self.proc)


def job(name):
    return {
        "name": name,
        "team": "data-infra",
        "config": {
            "job_type": "BATCH",
            "uis": {"spec_version": "1.1", "job_config": {"name": name}},
        },
    }


def alerts_file(smtp, hook, rules, extra_channels=""):
    return f"""channels:
  - {{name: hook, kind: webhook, url: "{hook.url}"}}
  - {{name: mail, kind: email, smtp: "127.0.0.1:{smtp.port}", starttls: true,
     ca_file: "{smtp.cert}", from: uis@example.com, to: [oncall@example.com], username: uis,
     password_env: UIS_TEST_SMTP_PASSWORD}}
{extra_channels}rules:
{rules}"""


@pytest.fixture
def receivers(tmp_path):
    smtp = SmtpReceiver(tmp_path, PASSWORD)
    hook = WebhookReceiver()
    yield smtp, hook
    hook.stop()
    smtp.stop()


def settle(seconds=3):
    time.sleep(seconds)


def test_a_failing_job_sends_one_mail_and_one_webhook_and_its_recovery_one_of_each(
    tmp_path, receivers
):
    smtp, hook = receivers
    dcp = AlertDcp(
        tmp_path,
        alerts_file(
            smtp,
            hook,
            "  - {name: job-failed, when: job_failed, resolve_after: 3 s,"
            " channels: [hook, mail]}\n",
        ),
    )
    try:
        failed = dcp.run("nightly-etl", 1)
        wait_for(
            "one mail and one webhook",
            lambda: len(smtp.messages) == 1 and len(hook.bodies) == 1,
            30,
            0.2,
        )
        settle()
        assert len(smtp.messages) == 1 and len(hook.bodies) == 1, (smtp.messages, hook.bodies)
        body = hook.bodies[0]
        assert body["alert"] == "job-failed" and body["status"] == "firing", body
        assert body["job"]["id"] == failed and body["job"]["name"] == "nightly-etl", body
        assert "nightly-etl" in body["text"] and "FIRING" in body["text"], body
        mail = smtp.messages[0]
        assert mail["tls"] and mail["to"] == ["oncall@example.com"], mail
        assert "job-failed" in mail["subject"] and failed in mail["body"], mail
        assert ("PLAIN", True) in smtp.logins, smtp.logins

        dcp.run("nightly-etl", 0)  # the next run succeeds: the alert resolves
        wait_for(
            "the resolution", lambda: len(smtp.messages) == 2 and len(hook.bodies) == 2, 30, 0.2
        )
        settle(5)
        assert len(smtp.messages) == 2 and len(hook.bodies) == 2, (smtp.messages, hook.bodies)
        assert hook.bodies[1]["status"] == "resolved", hook.bodies[1]
        assert "RESOLVED" in smtp.messages[1]["subject"], smtp.messages[1]
        [a] = dcp.alerts()["alerts"]
        assert (a["rule"], a["status"], a["job_name"]) == (
            "job-failed",
            "resolved",
            "nightly-etl",
        ), a
        assert a["fired_at"] and a["resolved_at"], a
        assert sorted(
            (d["channel"], d["status"], d["ok"], d["attempts"]) for d in a["deliveries"]
        ) == [
            ("hook", "firing", True, 1),
            ("hook", "resolved", True, 1),
            ("mail", "firing", True, 1),
            ("mail", "resolved", True, 1),
        ], a
        assert PASSWORD not in "".join(dcp.output)
    finally:
        dcp.stop()


def test_a_job_that_flaps_five_times_in_a_minute_sends_one(tmp_path, receivers):
    smtp, hook = receivers
    dcp = AlertDcp(
        tmp_path,
        alerts_file(
            smtp,
            hook,
            "  - {name: job-failed, when: job_failed, resolve_after: 20 s,"
            " channels: [hook, mail]}\n",
        ),
    )
    try:
        t0 = time.monotonic()
        for _ in range(5):
            dcp.run("flappy", 1)
            dcp.run("flappy", 0)
        assert time.monotonic() - t0 < 60
        settle(3)
        firing = [b for b in hook.bodies if b["status"] == "firing"]
        assert len(firing) == 1 and len(hook.bodies) == 1, hook.bodies
        assert len(smtp.messages) == 1, smtp.messages
        [a] = dcp.alerts()["alerts"]
        assert a["status"] == "firing" and a["occurrences"] == 5, a
    finally:
        dcp.stop()


def test_a_dead_receiver_delays_nothing_else(tmp_path, receivers):
    smtp, hook = receivers
    dead = DeadReceiver()
    dcp = AlertDcp(
        tmp_path,
        alerts_file(
            smtp,
            hook,
            "  - {name: job-failed, when: job_failed, channels: [dead, hook, mail]}\n",
            f'  - {{name: dead, kind: webhook, url: "{dead.url}"}}\n',
        ),
    )
    try:
        t0 = time.monotonic()
        dcp.run("broken", 1)
        wait_for("the live webhook and the mail", lambda: hook.bodies and smtp.messages, 10, 0.1)
        took = time.monotonic() - t0
        print(f"dead receiver: the live webhook and the mail arrived {took:.2f} s after the submit")
        # the API answers at once while the dead delivery hangs
        t1 = time.monotonic()
        body = dcp.alerts()
        assert time.monotonic() - t1 < 1.0
        # another job runs and ends while the dead delivery waits
        dcp.run("other", 0)
        [a] = body["alerts"]
        dead_d = [d for d in a["deliveries"] if d["channel"] == "dead"]
        assert dead_d and not dead_d[0]["ok"], a

        def retried():
            [x] = dcp.alerts()["alerts"]
            d = [d for d in x["deliveries"] if d["channel"] == "dead"][0]
            return d["attempts"] >= 2 and d["error"] and d

        d = wait_for("the dead delivery to be retried", retried, 60, 1)
        print(f"dead receiver: {d}")
        assert len(hook.bodies) == 1 and len(smtp.messages) == 1
    finally:
        dcp.stop()
        dead.stop()


def test_alerts_file_errors_and_the_test_command(tmp_path, receivers):
    smtp, hook = receivers
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "alerts.yaml").write_text(
        "channels:\n  - {name: m, kind: email, smtp: 'h:25', from: a@b, to: [c@d],"
        " password: x}\nrules: []\n"
    )
    p = subprocess.run(
        [
            str(T.tool("dcp-local")),
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            str(bad / "data"),
            "--alerts",
            str(bad / "alerts.yaml"),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert p.returncode != 0 and "password_env" in p.stderr and "alerts.yaml:2:" in p.stderr, (
        p.stderr
    )

    dcp = AlertDcp(
        tmp_path,
        alerts_file(
            smtp, hook, "  - {name: job-failed, when: job_failed, channels: [hook, mail]}\n"
        ),
    )
    try:
        r = dcp.ctl("alerts", "test", "job-failed")
        assert r.returncode == 0, r.stderr
        wait_for("the test message", lambda: hook.bodies and smtp.messages, 30, 0.2)
        assert hook.bodies[0]["status"] == "test" and "TEST" in smtp.messages[0]["subject"]
        r = dcp.ctl("alerts", "test", "nope")
        assert r.returncode != 0 and "nope" in r.stderr, r.stderr
        r = dcp.ctl("alerts", "list")
        assert r.returncode == 0 and "job-failed" in r.stdout, r.stdout
    finally:
        dcp.stop()
