"""The tests' date helper: relative dates that exist on every day of the
year, 29 February included."""
from datetime import date
from unittest.mock import patch

from odoo import fields
from odoo.tests.common import BaseCase

from .common import shift_date


class TestShiftDate(BaseCase):

    def test_leap_day_plus_years(self):
        """29 February plus a year or two is 28 February; plus four, the 29th."""
        self.assertEqual(shift_date("2028-02-29", years=1), "2029-02-28")
        self.assertEqual(shift_date(date(2028, 2, 29), years=2), "2030-02-28")
        self.assertEqual(shift_date("2028-02-29", years=4), "2032-02-29")

    def test_month_ends(self):
        """Month arithmetic clamps to the last day of the target month."""
        self.assertEqual(shift_date("2027-01-31", months=1), "2027-02-28")
        self.assertEqual(shift_date("2028-01-31", months=1), "2028-02-29")
        self.assertEqual(shift_date("2028-03-31", months=-1), "2028-02-29")
        self.assertEqual(shift_date("2028-02-29", days=1), "2028-03-01")

    def test_today_is_29_february(self):
        """Run on 29 February, the relative dates of the tests exist."""
        with patch.object(fields.Date, "today", return_value="2028-02-29"):
            self.assertEqual(shift_date(), "2028-02-29")
            self.assertEqual(shift_date(years=4), "2032-02-29")
            self.assertEqual(shift_date(years=3, months=2), "2031-04-29")
            self.assertEqual(shift_date(years=1, days=-1), "2029-02-27")
