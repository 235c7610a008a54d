"""The circuit breaker (core.breaker): closed, open for the pause, one trial, closed
again; it says so once in the log each way."""

import logging

import pytest

from core import breaker


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch, settings):
    settings.CIRCUIT_BREAKER_SECONDS = 30
    clock = Clock()
    monkeypatch.setattr(breaker.time, "monotonic", clock)
    return clock


def warnings(caplog):
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_a_failure_opens_the_breaker_for_the_pause(clock, caplog):
    circuit = breaker.breaker("Test service", "Residents see X meanwhile.")
    assert circuit.allows()
    circuit.failed(OSError("refused"))
    assert circuit.is_open
    clock.now += 29
    assert not circuit.allows()
    assert warnings(caplog) == [
        "Test service unavailable (refused); not tried again for 30 s. Residents see X meanwhile."
    ]


def test_after_the_pause_one_call_tries_and_the_others_still_wait(clock, caplog):
    circuit = breaker.breaker("Test service")
    circuit.failed(OSError("refused"))
    clock.now += 30
    assert circuit.allows()
    assert not circuit.allows(), "a second caller waits for the first one's trial"
    circuit.failed(OSError("still refused"))
    clock.now += 29
    assert not circuit.allows()
    assert len(warnings(caplog)) == 1, "said once, not at every trial"
    clock.now += 1
    assert circuit.allows()
    assert circuit.succeeded() is True
    assert not circuit.is_open
    assert circuit.allows() and circuit.allows()
    assert warnings(caplog)[-1] == "Test service available again."
    assert circuit.succeeded() is False


def test_one_breaker_per_service_and_process():
    assert breaker.breaker("A") is breaker.breaker("A")
    assert breaker.breaker("A") is not breaker.breaker("B")
