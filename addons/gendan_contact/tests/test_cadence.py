from datetime import date
from unittest.mock import patch

from .common import GendanContactCase


class TestCadence(GendanContactCase):
    """The periodic mail reminder with a frozen date."""

    def _cron(self, day):
        partner_cls = type(self.env["res.partner"])
        with patch.object(partner_cls, "_contact_today", lambda self: day):
            return self.env["res.partner"]._cron_contact_cadence()

    def test_reminder_when_nothing_sent(self):
        salesperson = self.users["salesperson"]
        self.customer.contact_cadence = "7"
        order = self._create_order()
        # our last mail: Thursday 5 March 2026, on the order
        self._our_mail(order, salesperson, date="2026-03-05 08:00:00")
        # a customer's mail and our log note do not count
        self._customer_mail(order, "2026-03-11 08:00:00")
        self._our_mail(order, salesperson, date="2026-03-11 09:00:00", note=True)
        self.assertEqual(self.customer.contact_last_sent, "2026-03-05 08:00:00")
        self.assertEqual(self.customer.contact_next_due, "2026-03-12")
        self.assertNotIn(self.customer, self._cron(date(2026, 3, 11)))
        self.assertFalse(self._todos(self.customer, "contact_cadence"))
        # due on the 12th: one to-do for the salesperson, however often it runs
        self.assertIn(self.customer, self._cron(date(2026, 3, 12)))
        self._cron(date(2026, 3, 12))
        self._cron(date(2026, 3, 13))
        todo = self._todos(self.customer, "contact_cadence")
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, salesperson)
        self.assertEqual(todo.date_deadline, "2026-03-12")
        self.assertIn("2026-03-05", todo.summary)
        # the salesperson writes to the customer: done, and not due again
        self._our_mail(self.customer, salesperson, date="2026-03-13 02:00:00")
        self.assertFalse(self._todos(self.customer, "contact_cadence"))
        self.assertNotIn(self.customer, self._cron(date(2026, 3, 19)))
        self.assertFalse(self._todos(self.customer, "contact_cadence"))
        self.assertIn(self.customer, self._cron(date(2026, 3, 20)))

    def test_two_weeks_and_tracking_sheet(self):
        """Every two weeks; an outgoing fax on the tracking sheet counts,
        a customer's call does not; customers without a cadence are left
        alone."""
        self.customer_de.contact_cadence = "14"
        Contact = self.env["gendan.customer.contact"].sudo(self.users["salesperson"])
        Contact.create({"partner_id": self.customer_de.id, "channel": "fax",
                        "date": "2026-03-02", "summary": "Price list faxed"})
        Contact.create({"partner_id": self.customer_de.id, "channel": "phone",
                        "direction": "in", "date": "2026-03-10",
                        "summary": "Customer called"})
        self.assertEqual(self.customer_de.contact_next_due, "2026-03-16")
        self.assertNotIn(self.customer_de, self._cron(date(2026, 3, 15)))
        due = self._cron(date(2026, 3, 16))
        self.assertIn(self.customer_de, due)
        self.assertNotIn(self.customer, due)
        # never contacted: due at once
        self.customer.contact_cadence = "7"
        self.assertIn(self.customer, self._cron(date(2026, 3, 16)))
        # the cadence removed: the reminder goes at the next run
        self.customer_de.contact_cadence = False
        self._cron(date(2026, 3, 17))
        self.assertFalse(self._todos(self.customer_de, "contact_cadence"))
