from odoo.exceptions import UserError

from odoo.addons.gendan_base.tests.common import shift_date

from .common import GendanSalesCase

FOLLOWUPS = ("quote_seen", "quote_info", "quote_intent")


class TestQuotationFollowup(GendanSalesCase):

    def _todos(self, order, key):
        return self.env["mail.activity"]._todo_open(order, key)

    def test_followups_after_sending(self):
        order = self._approved_quotation()
        order.sudo(self.users["salesperson"]).print_quotation()
        self.assertTrue(order.quote_sent_date)
        deadlines = []
        for key in FOLLOWUPS:
            todo = self._todos(order, key)
            self.assertEqual(todo.user_id, self.users["salesperson"], key)
            deadlines.append(todo.date_deadline)
        self.assertEqual(deadlines, sorted(deadlines))
        self.assertLess(deadlines[0], deadlines[2])

    def test_expiry_cron_fixed_date(self):
        order = self._approved_quotation()
        order.sudo(self.users["salesperson"]).print_quotation()
        validity = order.validity_date
        cron = self.env["sale.order"]
        self.assertNotIn(order, cron._cron_expire_quotations(today=validity))
        day_after = shift_date(validity, days=1)
        self.assertIn(order, cron._cron_expire_quotations(today=day_after))
        self.assertTrue(order.quote_expired)
        self.assertFalse(self._todos(order, "quote_seen"))
        self.assertEqual(self._todos(order, "quote_expired").user_id,
                         self.users["salesperson"])
        # idempotent: a second run changes nothing
        messages = len(order.message_ids)
        self.assertNotIn(order, cron._cron_expire_quotations(today=day_after))
        self.assertEqual(len(order.message_ids), messages)
        self.assertEqual(len(self._todos(order, "quote_expired")), 1)
        # an expired quotation is not confirmed until renewed
        with self.assertRefused(UserError):
            order.sudo(self.users["salesperson"]).action_confirm()
        order.sudo(self.users["salesperson"]).write(
            {"validity_date": shift_date(days=30)})
        self.assertFalse(order.quote_expired)
        self.assertFalse(self._todos(order, "quote_expired"))

    def test_filled_fields_by_buttons_only(self):
        order = self._approved_quotation()
        for vals in ({"quote_expired": True}, {"quote_sent_date": "2026-01-01"},
                     {"contract_number": "SC-FAKE"}):
            with self.assertRefused(UserError):
                order.sudo(self.users["salesperson"]).write(vals)

    def test_uncontrolled_channel_untouched(self):
        """A quotation of an uncontrolled channel works as in core Odoo."""
        order = self._create_order(team_id=self.team_direct.id,
                                   validity_date=shift_date(days=-1))
        order.sudo(self.users["sales_manager"]).print_quotation()
        self.assertEqual(order.state, "sent")
        self.assertFalse(self._todos(order, "quote_seen"))
        self.assertNotIn(order, self.env["sale.order"]._cron_expire_quotations())
        self.assertFalse(order.quote_expired)
