"""The test harness fails loudly: a failing test makes pytest exit non-zero."""
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class TestHarness(unittest.TestCase):

    def _pytest(self, body):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "test_probe.py")
            with open(path, "w") as handle:
                handle.write(textwrap.dedent(body))
            return subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "gendan_compat",
                 "-p", "no:cacheprovider", "-p", "no:odoo", path],
                cwd=tmp, capture_output=True, text=True, timeout=300)

    def test_failing_test_exits_non_zero(self):
        """A deliberately failing test gives exit status 1."""
        run = self._pytest("def test_fails():\n    assert 1 == 2\n")
        self.assertEqual(run.returncode, 1, run.stdout + run.stderr)
        self.assertIn("1 failed", run.stdout)

    def test_compat_loaded_before_odoo(self):
        """With the compat plugin, Odoo 11 imports on Python 3.11."""
        run = self._pytest("""
            def test_odoo_imports():
                import collections, odoo
                assert collections.Mapping
                assert odoo.release.version_info[0] == 11
            """)
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
