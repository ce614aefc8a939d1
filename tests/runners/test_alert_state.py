# SPDX-License-Identifier: Apache-2.0
"""What dcp-local keeps of scheduled runs and alerts, and the rules and channels that need it,
against real receivers on loopback (the webhook receiver and aiosmtpd of alert_receivers.py).

As in test_alerts.py, a script stands in for spark-submit (it sleeps when its job is the
"blocker", exits as a file says when it is "etl", else succeeds): what is tested is the server's
schedule, alerting and storage, and a Spark run per scheduled run is more than this machine's
two cores give in a test's time. The schedule itself is real: a `micro_batch` job config with
`trigger_interval: 2 seconds`, run by dcp-local's own timers.

- schedule_late: with one slot, a run that waits behind a long job fires once it is 2 s past
  its time, and resolves once it starts;
- a restart of dcp-local (SIGTERM, then a new server on the same data directory) keeps the
  runs of a schedule and every alert with its deliveries; an alert still firing resolves once,
  and a message a receiver had not taken is delivered by the new server;
- an SMTP password named by `password_keychain`: with no keychain reachable the delivery says
  so and says what to do; the `password_env` channel of the same rule logs in and delivers."""

import json
import os
import socket
import time
import urllib.error
import urllib.request

import pytest
from alert_receivers import SmtpReceiver, WebhookReceiver
from clusters import launch_dcp, stop_dcp, wait_for

PASSWORD = "s3cret-for-the-state-test"

ENGINE = """#!/bin/sh
config="$UIS_JOB_DIR/job-config.json"
if grep -q blocker "$config"; then sleep 6; fi
sleep 0.2
if grep -q '"etl"' "$config"; then exit $(cat {exit_file}); fi
exit 0
"""


class StateDcp:
    """dcp-local with --alerts, one slot and the script engine; start() again keeps its data."""

    def __init__(self, folder, alerts_yaml, extra_env=None):
        self.folder = folder
        self.exit_file = folder / "exit_code"
        self.exit_file.write_text("0")
        self.engine = folder / "spark-submit"
        self.engine.write_text(ENGINE.replace("{exit_file}", str(self.exit_file)))
        self.engine.chmod(0o755)
        self.alerts_file = folder / "alerts.yaml"
        self.alerts_file.write_text(alerts_yaml)
        # extra_env: a value of None removes the variable
        self.env = dict(os.environ, XDG_CONFIG_HOME=str(folder / "xdg"))
        for k, v in (extra_env or {}).items():
            if v is None:
                self.env.pop(k, None)
            else:
                self.env[k] = v
        self.proc = None
        self.start()

    def start(self):
        self.output = []
        self.proc, self.url = launch_dcp(
            [
                "--data-dir",
                str(self.folder / "data"),
                "--spark-submit",
                str(self.engine),
                "--alerts",
                str(self.alerts_file),
                "--max-concurrent",
                "1",
            ],
            self.env,
            self.output,
        )
        self.token = (self.folder / "data" / "token").read_text().strip()

    def stop(self):
        stop_dcp(self.proc)

    def api(self, method, path, body=None):
        req = urllib.request.Request(
            self.url + path,
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(req, timeout=15) as r:
                return r.status, json.loads(r.read() or b"{}")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")

    def submit(self, name, job_config):
        code, body = self.api(
            "POST",
            "/api/v1/jobs",
            {"name": name, "config": {"job_type": "BATCH", "uis": {"job_config": job_config}}},
        )
        assert code == 201, body
        return body["job_id"]

    def status(self, jid):
        return self.api("GET", f"/api/v1/jobs/{jid}")[1]

    def runs(self, jid):
        code, body = self.api("GET", f"/api/v1/jobs/{jid}/runs")
        assert code == 200, body
        return body

    def alerts(self):
        code, body = self.api("GET", "/api/v1/alerts")
        assert code == 200, body
        return body

    def alert(self, rule):
        found = [a for a in self.alerts()["alerts"] if a["rule"] == rule]
        return found[0] if found else None

    def detail(self):
        return "".join(self.output[-40:])


def scheduled(name, every="2 seconds"):
    return {
        "name": name,
        "job_type": "micro_batch",
        "sources": [{"name": "api", "type": "rest_api"}],
        "schedule": {"trigger_interval": every},
    }


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def finished(runs):
    return [r for r in runs["runs"] if r["outcome"] != "RUNNING"]


def test_schedule_late_and_a_restart_keep_runs_and_alerts(tmp_path):
    hook = WebhookReceiver()
    later_port = free_port()  # nothing listens here until the server has been restarted
    dcp = StateDcp(
        tmp_path,
        f"""channels:
  - {{name: hook, kind: webhook, url: "{hook.url}"}}
  - {{name: later, kind: webhook, url: "http://127.0.0.1:{later_port}/hook"}}
rules:
  - {{name: late, when: schedule_late, for: 2 s, resolve_after: 1 s, jobs: [poll],
     channels: [hook]}}
  - {{name: etl-failed, when: job_failed, resolve_after: 1 s, jobs: [etl], channels: [hook]}}
  - {{name: etl-failed-later, when: job_failed, resolve_after: 1 s, jobs: [etl],
     channels: [later]}}
""",
    )
    later = None
    try:
        poll = dcp.submit("poll", scheduled("poll"))
        wait_for("two runs", lambda: len(finished(dcp.runs(poll))) >= 2, 60, 0.2, dcp.detail)
        assert dcp.alert("late") is None, dcp.alerts()

        # The blocker takes the only slot for 6 s: poll's next run waits past its time.
        t0 = time.monotonic()
        blocker = dcp.submit("blocker", {"name": "blocker"})
        wait_for(
            "schedule_late to fire",
            lambda: [b for b in hook.bodies if b["alert"] == "late"],
            30,
            0.1,
            dcp.detail,
        )
        fired_after = time.monotonic() - t0
        wait_for(
            "schedule_late to resolve",
            lambda: len([b for b in hook.bodies if b["alert"] == "late"]) >= 2,
            30,
            0.2,
            dcp.detail,
        )
        late = [b for b in hook.bodies if b["alert"] == "late"]
        assert [b["status"] for b in late] == ["firing", "resolved"], late
        assert late[0]["job"]["id"] == poll and "was due at" in late[0]["text"], late[0]
        assert dcp.status(blocker)["status"] == "SUCCEEDED"
        print(f"schedule_late fired {fired_after:.1f} s after the blocker took the slot")
        time.sleep(3)
        assert len([b for b in hook.bodies if b["alert"] == "late"]) == 2, hook.bodies

        # etl fails: one alert on two channels, one of them (`later`) not listening yet.
        dcp.exit_file.write_text("1")
        etl = dcp.submit("etl", {"name": "etl"})
        wait_for("etl to fail", lambda: dcp.status(etl)["status"] == "FAILED", 30, 0.2)
        wait_for(
            "the etl alert",
            lambda: [b for b in hook.bodies if b["alert"] == "etl-failed"],
            30,
            0.1,
        )
        wait_for(
            "a failed attempt on `later`",
            lambda: (
                (a := dcp.alert("etl-failed-later"))
                and a["deliveries"]
                and a["deliveries"][0]["error"]
            ),
            30,
            0.2,
        )

        runs_before = finished(dcp.runs(poll))
        alerts_before = {a["rule"]: a for a in dcp.alerts()["alerts"]}
        bodies_before = len(hook.bodies)
        dcp.stop()
        later = WebhookReceiver(later_port)
        dcp.start()

        # The runs of the schedule, as they were (the job itself ended with the old server).
        after = dcp.runs(poll)
        assert after["scheduled"] and after["schedule"] == "every 2 s", after
        assert after["runs"][: len(runs_before)] == runs_before, (runs_before, after)
        assert all(r["outcome"] != "RUNNING" for r in after["runs"]), after
        print(f"{len(runs_before)} runs of poll kept across the restart")

        # Every alert with its deliveries, as it was.
        late_after = dcp.alert("late")
        assert late_after["status"] == "resolved", late_after
        for key in ("fired_at", "resolved_at", "text", "job_id"):
            assert late_after[key] == alerts_before["late"][key], (late_after, alerts_before)
        assert [(d["channel"], d["status"], d["ok"]) for d in late_after["deliveries"]] == [
            ("hook", "firing", True),
            ("hook", "resolved", True),
        ], late_after
        assert dcp.alert("etl-failed")["status"] == "firing"

        # The message `later` had not taken is delivered by the new server.
        wait_for("the kept delivery", lambda: later.bodies, 60, 0.2, dcp.detail)
        assert later.bodies[0]["alert"] == "etl-failed-later", later.bodies
        assert later.bodies[0]["job"]["id"] == etl, later.bodies
        d = dcp.alert("etl-failed-later")["deliveries"][0]
        assert d["ok"] and d["done"] and d["attempts"] >= 2, d

        # The alert still firing resolves once, on the new server.
        dcp.exit_file.write_text("0")
        dcp.submit("etl", {"name": "etl"})
        wait_for(
            "the etl alert to resolve",
            lambda: dcp.alert("etl-failed")["status"] == "resolved",
            30,
            0.2,
            dcp.detail,
        )
        time.sleep(2)
        resolved = [b for b in hook.bodies if b["alert"] == "etl-failed"]
        assert [b["status"] for b in resolved] == ["firing", "resolved"], resolved
        assert len(hook.bodies) == bodies_before + 1, hook.bodies[bodies_before:]
    finally:
        dcp.stop()
        hook.stop()
        if later:
            later.stop()


@pytest.mark.parametrize("keychain", ["unreachable", "disabled"])
def test_smtp_password_from_the_keychain_or_the_environment(tmp_path, keychain):
    smtp = SmtpReceiver(tmp_path, PASSWORD)
    mail = (
        f'smtp: "127.0.0.1:{smtp.port}", starttls: true, ca_file: "{smtp.cert}",'
        " from: uis@example.com, to: [oncall@example.com], username: uis"
    )
    env = {"UIS_TEST_SMTP_PASSWORD": PASSWORD}
    if keychain == "disabled":
        env["UIS_NO_KEYCHAIN"] = "1"
    else:
        # No session bus: no Secret Service, no KWallet (as on a headless server).
        env["UIS_NO_KEYCHAIN"] = None
        env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path}/no-bus"
    dcp = StateDcp(
        tmp_path,
        f"""channels:
  - {{name: mail-keychain, kind: email, {mail}, password_keychain: alerts/smtp}}
  - {{name: mail-env, kind: email, {mail}, password_env: UIS_TEST_SMTP_PASSWORD}}
rules:
  - {{name: failed, when: job_failed, channels: [mail-keychain, mail-env]}}
""",
        env,
    )
    try:
        code, body = dcp.api("POST", "/api/v1/alerts/test", {"rule": "failed"})
        assert code == 202, body

        def outcome():
            tests = dcp.alerts()["tests"]
            ds = {d["channel"]: d for d in tests[0]["deliveries"]} if tests else {}
            kc = ds.get("mail-keychain")
            return kc and kc["error"] and ds["mail-env"]["ok"] and ds

        ds = wait_for("both deliveries", outcome, 60, 0.2, dcp.detail)
        error = ds["mail-keychain"]["error"]
        print(f"keychain {keychain}: {error}")
        assert "keychain entry `alerts/smtp`" in error and "password_env" in error, error
        if keychain == "disabled":
            assert "disabled" in error, error
        else:
            assert any(
                w in error for w in ("not available", "could not be reached", "did not answer")
            ), error
        assert len(smtp.messages) == 1 and ("PLAIN", True) in smtp.logins, smtp.logins
        assert PASSWORD not in "".join(dcp.output)
    finally:
        dcp.stop()
        smtp.stop()

    # The file names the keychain entry or the variable, never both, and never the password.
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "channels:\n  - {name: m, kind: email, smtp: 'h:25', from: a@b, to: [c@d],"
        " username: u, password_env: X, password_keychain: y}\nrules: []\n"
    )
    (tmp_path / "refused").mkdir()
    with pytest.raises(AssertionError) as refused:
        StateDcp(tmp_path / "refused", bad.read_text())
    assert "not both" in str(refused.value), refused.value
