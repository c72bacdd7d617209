from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError


class GendanDemo(models.AbstractModel):
    """The steps of the demo data, safe to load twice.

    A demo ``<function>`` runs again when a module is installed over itself
    (``-i`` of an installed module); each step acts only on the records
    still in the state it starts from, so a second load changes nothing.
    Every module's demo data calls ``_run``.

    The steps act as any demo user (the general manager included), so they
    are private: Odoo refuses a method whose name starts with ``_`` to every
    RPC caller, while a data file's ``<function>`` may call it. In Odoo 11
    the administrator *is* the superuser (uid 1), so the uid check below
    alone would let an administrator sign as the general manager over RPC.
    """

    _name = "gendan.demo"
    _description = "Demo Data Step"

    @api.model
    def _run(self, model, records, method, states=None, login=None, args=None,
             state_field="state"):
        """Call ``method`` (with ``args``) on the ``records`` of ``model``
        (ids, or a domain that may hold the starting condition) whose
        ``state_field`` is one of ``states`` (every record when None), as
        the demo user ``login`` (the caller when None)."""
        self._check_installer()
        todo = self.env[model]
        if records and not isinstance(records[0], int):
            todo = todo.search(records)
        else:
            todo = todo.browse(records)
        if login:
            todo = self._as_demo_user(todo, login)
        if states is not None:
            todo = todo.filtered(lambda rec: rec[state_field] in states)
        if not todo:
            return False
        getattr(todo, method)(*(args or []))
        return True

    @api.model
    def _load_translations(self, module):
        """Load the translations of ``module`` before its demo steps run.

        Odoo loads a module's .po files after its data and demo, so without
        this the to-dos and chatter lines the steps write for zh_CN users
        would be in English (the ``_()`` of a module's code finds no
        translation yet)."""
        self._check_installer()
        self.env["ir.module.module"].search(
            [("name", "=", module)])._update_translations()
        self.env["ir.translation"].clear_caches()
        return True

    @api.model
    def _sign(self, model, records, logins):
        """Sign the ``records`` of ``model`` (ids) as each demo user of
        ``logins`` in turn, where a signature of theirs is pending."""
        self._check_installer()
        todo = self.env[model].browse(records)
        for login in logins:
            for rec in self._as_demo_user(todo, login):
                if rec.signoff_state == "pending" and rec.signoff_can_sign:
                    rec.action_signoff_sign()
        return True

    def _check_installer(self):
        """Demo steps act as any demo user: only the superuser runs them
        (the installer loading the demo data); a user's code never does."""
        if self.env.uid != SUPERUSER_ID:
            raise AccessError(_("Demo data steps run only while the demo data "
                                "is loaded."))

    @api.model
    def _as_demo_user(self, records, login):
        """``records`` as the demo user ``login`` works with them, in their
        language: what they write (chatter lines, to-dos of the next
        people) reads as it would in the factory, not in the installer's
        language."""
        user = self.env.ref("gendan_base.user_%s_demo" % login)
        return records.sudo(user).with_context(lang=user.lang)

    @api.model
    def _ensure(self, model, domain, values):
        """The ids of the records of ``model`` matching ``domain``, or of
        the one created from ``values`` when none does."""
        self._check_installer()
        records = self.env[model].search(domain)
        return (records or self.env[model].create(values)).ids

    @api.model
    def _ensure_language(self, code):
        """Load the language ``code`` (with the translations of the modules
        installed so far) unless it is active, so that demo users and
        partners may speak it on any install."""
        self._check_installer()
        if not self.env["res.lang"].search([("code", "=", code)]):
            self.env["base.language.install"].create({"lang": code}).lang_install()
        return True

    @api.model
    def _ensure_work_calendar(self, company_ref="base.main_company"):
        """The company works on the six-day calendar of the demo, without
        China's public holidays of this year and the next; returns the
        calendar's id."""
        self._check_installer()
        company = self.env.ref(company_ref)
        calendar = self.env.ref("gendan_base.resource_calendar_six_day_demo")
        year = fields.Date.from_string(fields.Date.context_today(self)).year
        self.env["gendan.sla"].ensure_cn_holidays(calendar, [year, year + 1])
        if company.resource_calendar_id != calendar:
            company.resource_calendar_id = calendar
        return calendar.id
