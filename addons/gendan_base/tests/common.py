import io
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from unittest.mock import patch

from PyPDF2 import PdfFileReader

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.tests.common import SavepointCase
from odoo.tools import config

# the context of the flows under test (see GendanCase.setUpClass)
TEST_CONTEXT = {"tracking_disable": False, "mail_notrack": False,
                "no_reset_password": True, "tz": "UTC"}


def shift_date(start=None, years=0, months=0, days=0):
    """``start`` (a date or an Odoo date string; today when None) moved by
    ``years``, ``months`` and ``days``, as an Odoo date string. Months and
    years end on the month's last day when the day does not exist there:
    29 February 2028 plus one year is 28 February 2029. Tests use it
    instead of fixed dates, so they pass whatever the day they run."""
    if start is None:
        start = fields.Date.today()
    if isinstance(start, str):
        start = fields.Date.from_string(start)
    return fields.Date.to_string(
        start + relativedelta(years=years, months=months, days=days))


def render_pdf(report, res_ids):
    """The PDF bytes of ``report`` for ``res_ids``, through wkhtmltopdf.

    Odoo 11 renders HTML instead of PDF under tests unless a report
    directory is configured; set one for the duration of the call.
    """
    saved = config.get("test_report_directory")
    config["test_report_directory"] = tempfile.gettempdir()
    try:
        return report.render_qweb_pdf(res_ids)[0]
    finally:
        config["test_report_directory"] = saved


def pdf_text_layer(data):
    """The text a reader copies or searches in a PDF (poppler's pdftotext)."""
    if not shutil.which("pdftotext"):
        raise AssertionError("pdftotext missing: apt-get install poppler-utils")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                          stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")


@contextmanager
def recorded_calls(model, method):
    """The ids of the records ``method`` of ``model`` (a recordset) is called
    on inside the block, in a list::

        with recorded_calls(self.env["stock.picking"], "_check") as ids:
            picking.button_validate()
        self.assertEqual(ids, [picking.id])
    """
    cls = type(model)
    original = getattr(cls, method)
    ids = []

    def recording(records, *args, **kwargs):
        ids.extend(records.ids)
        return original(records, *args, **kwargs)

    with patch.object(cls, method, recording):
        yield ids


def pdf_page_count(pdf):
    """Number of pages of the PDF bytes ``pdf`` (an empty PDF has none)."""
    return PdfFileReader(io.BytesIO(pdf)).getNumPages()


class QueryCounter(object):
    """Count the SQL queries run inside a ``with`` block::

        with QueryCounter(self.env.cr) as counter:
            record.action_x()
        self.assertEqual(counter.count, expected)
    """

    def __init__(self, cr):
        self.cr = cr
        self.count = 0
        self._start = 0

    def __enter__(self):
        self._start = self.cr.sql_log_count
        return self

    def __exit__(self, *exc):
        self.count = self.cr.sql_log_count - self._start
        return False


class GendanCase(SavepointCase):
    """Shared set-up: one user per department, created by the test itself."""

    ROLES = {
        "merchandiser": "group_merchandiser",
        "salesperson": "group_salesperson",
        "sales_manager": "group_sales_manager",
        "general_manager": "group_general_manager",
        "engineer": "group_engineering",
        "purchaser": "group_purchasing",
        "production": "group_production",
        "qa": "group_qa",
        "packing_wh": "group_warehouse_packing",
        "electronic_wh": "group_warehouse_electronic",
        "fg_wh": "group_warehouse_fg",
        "finance": "group_finance",
        "documents_clerk": "group_documents_clerk",
        "plain": "group_user",
    }

    @classmethod
    def setUpClass(cls):
        super(GendanCase, cls).setUpClass()
        # the demo company works a six-day week with China's holidays and its
        # users are in Asia/Shanghai (tested in test_demo_company); the flows
        # are tested on Odoo's Monday-Friday week, with "today" in UTC, so
        # that no result depends on the hour or the weekday of the run
        cls.env = cls.env(context=dict(cls.env.context, **TEST_CONTEXT))
        calendar = cls.env["resource.calendar"].create({"name": "Mon-Fri (tests)"})
        cls.env["res.company"].search([]).write({"resource_calendar_id": calendar.id})
        cls.users = {}
        for login, group in cls.ROLES.items():
            cls.users[login] = cls._department_user(login, group)
        # the goods' last checks (QA pass, pick-up slip) are company settings
        # of gendan_dispatch, tested there; the other flows go without them
        cls._set_last_checks(False)

    @classmethod
    def _department_user(cls, login, group):
        """The test user ``t_<login>`` of one department: the one
        ``prepare_department_users`` committed in the test database
        (``./gendan test``: created once, not once per test class), else
        created now, in this class's transaction."""
        user = cls.env["res.users"].search([("login", "=", "t_" + login)])
        if user:
            assert user.has_group("gendan_base." + group), login
            return user
        return cls._create_user("t_" + login, ["gendan_base." + group])

    @classmethod
    def _set_last_checks(cls, required):
        """Switch gendan_dispatch's company settings (when installed)."""
        companies = cls.env["res.company"].search([])
        names = [name for name in ("gendan_qa_receipt_required",
                                   "gendan_pickup_slip_required")
                 if name in companies._fields]
        if names:
            companies.write(dict.fromkeys(names, required))

    @classmethod
    def _create_user(cls, login, group_xmlids, name=None):
        return create_user(cls.env, login, group_xmlids, name=name)


def create_user(env, login, group_xmlids, name=None):
    groups = [env.ref(xmlid).id for xmlid in group_xmlids]
    return env["res.users"].with_context(no_reset_password=True).create({
        "name": name or login.replace("_", " ").title(),
        "login": login,
        "email": "%s@test.example.com" % login,
        "lang": "en_US",
        "groups_id": [(6, 0, groups)],
    })


def prepare_department_users(env):
    """Create GendanCase's department users in the database, once: a
    database given to many test classes (``./gendan test`` commits them in
    its copies for the module tests) spares each class the fourteen
    creations. Created as the test classes would create them."""
    env = api.Environment(env.cr, SUPERUSER_ID, dict(TEST_CONTEXT))
    for login, group in GendanCase.ROLES.items():
        if not env["res.users"].search([("login", "=", "t_" + login)]):
            create_user(env, "t_" + login, ["gendan_base." + group])
