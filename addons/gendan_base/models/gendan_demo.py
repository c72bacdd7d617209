from odoo import api, fields, models


class GendanDemo(models.AbstractModel):
    """The steps of the demo data, safe to load twice.

    A demo ``<function>`` runs again when a module is installed over itself
    (``-i`` of an installed module); each step acts only on the records
    still in the state it starts from, so a second load changes nothing.
    Every module's demo data calls ``run``.
    """

    _name = "gendan.demo"
    _description = "Demo Data Step"

    @api.model
    def run(self, model, records, method, states=None, login=None, args=None,
            state_field="state"):
        """Call ``method`` (with ``args``) on the ``records`` of ``model``
        (ids, or a domain that may hold the starting condition) whose
        ``state_field`` is one of ``states`` (every record when None), as
        the demo user ``login`` (the caller when None)."""
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
    def sign(self, model, records, logins):
        """Sign the ``records`` of ``model`` (ids) as each demo user of
        ``logins`` in turn, where a signature of theirs is pending."""
        todo = self.env[model].browse(records)
        for login in logins:
            for rec in self._as_demo_user(todo, login):
                if rec.signoff_state == "pending" and rec.signoff_can_sign:
                    rec.action_signoff_sign()
        return True

    @api.model
    def _as_demo_user(self, records, login):
        """``records`` as the demo user ``login`` works with them, in their
        language: what they write (chatter lines, to-dos of the next
        people) reads as it would in the factory, not in the installer's
        language."""
        user = self.env.ref("gendan_base.user_%s_demo" % login)
        return records.sudo(user).with_context(lang=user.lang)

    @api.model
    def ensure(self, model, domain, values):
        """The ids of the records of ``model`` matching ``domain``, or of
        the one created from ``values`` when none does."""
        records = self.env[model].search(domain)
        return (records or self.env[model].create(values)).ids

    @api.model
    def ensure_language(self, code):
        """Load the language ``code`` (with the translations of the modules
        installed so far) unless it is active, so that demo users and
        partners may speak it on any install."""
        if not self.env["res.lang"].search([("code", "=", code)]):
            self.env["base.language.install"].create({"lang": code}).lang_install()
        return True

    @api.model
    def ensure_work_calendar(self, company_ref="base.main_company"):
        """The company works on the six-day calendar of the demo, without
        China's public holidays of this year and the next; returns the
        calendar's id."""
        company = self.env.ref(company_ref)
        calendar = self.env.ref("gendan_base.resource_calendar_six_day_demo")
        year = fields.Date.from_string(fields.Date.context_today(self)).year
        self.env["gendan.sla"].ensure_cn_holidays(calendar, [year, year + 1])
        if company.resource_calendar_id != calendar:
            company.resource_calendar_id = calendar
        return calendar.id
