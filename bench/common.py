"""Shared helpers of the benchmarks: Odoo bootstrap, timers and query counts."""
import contextlib
import os
import time

import gendan_compat  # noqa: F401  (must precede odoo)
import odoo
from odoo.api import Environment

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG = os.path.join(ROOT, "odoo.conf")


def configure():
    """Parse the project's odoo.conf once (quiet logs)."""
    if not getattr(configure, "done", False):
        os.chdir(ROOT)  # odoo.conf's paths are relative to the repository
        odoo.tools.config.parse_config(["--config", CONFIG, "--log-level=warn"])
        configure.done = True


@contextlib.contextmanager
def environment(db):
    """A superuser environment on ``db``; everything is rolled back at the end."""
    configure()
    registry = odoo.registry(db)
    with Environment.manage(), registry.cursor() as cr:
        try:
            yield Environment(cr, odoo.SUPERUSER_ID, {})
        finally:
            cr.rollback()


class Meter(object):
    """Time (seconds) and SQL queries (the cursor's execute counter, as
    gendan_base.tests.common.QueryCounter) of named steps, summed over runs."""

    def __init__(self, cr):
        self.cr = cr
        self.seconds = {}
        self.queries = {}

    @contextlib.contextmanager
    def step(self, name):
        start_q, start_t = self.cr.sql_log_count, time.perf_counter()
        try:
            yield
        finally:
            seconds = time.perf_counter() - start_t
            queries = self.cr.sql_log_count - start_q
            self.seconds[name] = self.seconds.get(name, 0.0) + seconds
            self.queries[name] = self.queries.get(name, 0) + queries


def count_queries(cr, func, *args, **kwargs):
    """(queries, seconds, result) of ``func(*args, **kwargs)``."""
    start_q, start_t = cr.sql_log_count, time.perf_counter()
    result = func(*args, **kwargs)
    return cr.sql_log_count - start_q, time.perf_counter() - start_t, result
