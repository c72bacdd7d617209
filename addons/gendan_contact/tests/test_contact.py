from odoo import fields
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.tests.common import shift_date

from .common import GendanContactCase


class TestContact(GendanContactCase):

    def test_phone_follow_up(self):
        """A phone call logged by the salesperson gives the merchandiser a
        follow-up to-do until it is done."""
        merchandiser = self.users["merchandiser"]
        order = self._create_order()
        line = self.env["gendan.customer.contact"].sudo(
            self.users["salesperson"]).create({
                "partner_id": self.customer.id, "order_id": order.id,
                "channel": "phone", "direction": "in", "contact_person": "Ms. Lee",
                "summary": "Asks for the loading date",
                "next_action": "Send the loading plan",
                "next_action_date": shift_date(days=2),
                "follow_up_user_id": merchandiser.id})
        todo = self._todos(line, "contact_follow_up")
        self.assertEqual(todo.user_id, merchandiser)
        self.assertEqual(todo.date_deadline, shift_date(days=2))
        self.assertIn("Send the loading plan", todo.summary)
        self.assertEqual(todo.res_name, "%s · Phone · %s" % (
            self.customer.name, line.date))
        # moved: the to-do follows
        line.sudo(self.users["salesperson"]).next_action_date = shift_date(days=3)
        todo = self._todos(line, "contact_follow_up")
        self.assertEqual((len(todo), todo.date_deadline), (1, shift_date(days=3)))
        line.sudo(merchandiser).action_follow_up_done()
        self.assertTrue(line.follow_up_done)
        self.assertFalse(self._todos(line, "contact_follow_up"))
        with self.assertRefused(UserError):
            line.sudo(merchandiser).action_follow_up_done()
        other = self._create_order(partner_id=self.customer_de.id)
        with self.assertRefused(ValidationError):
            line.sudo(merchandiser).order_id = other
        with self.assertRefused(ValidationError):
            line.sudo(merchandiser).next_action_date = shift_date(days=-10)

    def test_visit_preparation_and_english_minutes(self):
        merchandiser = self.users["merchandiser"]
        order = self._create_order()
        visit = self.env["gendan.visit.minutes"].sudo(merchandiser).with_context(
            lang="zh_CN").create({
                "name": "Spring visit", "partner_id": self.customer.id,
                "date": shift_date(days=5), "order_ids": [(6, 0, order.ids)],
                "items_to_bring": "Catalogue"})
        todo = self._todos(visit, "visit_prepare")
        self.assertEqual(todo.user_id, merchandiser)
        self.assertEqual(todo.date_deadline, shift_date(days=4))
        with self.assertRefused(UserError):
            visit.action_prepared()
        visit.agenda = "<ol><li>Open orders</li></ol>"
        visit.action_prepared()
        self.assertTrue(visit.prepared)
        self.assertFalse(self._todos(visit, "visit_prepare"))
        visit.minutes_en = "<p>We agreed on the warm-white version.</p>"
        self.assertEqual(visit.customer_lang, "en_US")
        visit.action_send_to_customer()
        sent = visit.message_ids.filtered(lambda m: "warm-white" in (m.body or ""))
        self.assertEqual(sent.subject[:22], "Minutes of our meeting")
        self.assertIn(self.customer, sent.partner_ids)
        # a past visit asks no preparation
        past = visit.copy({"date": shift_date(days=-3)})
        self.assertFalse(self._todos(past, "visit_prepare"))

    def test_contact_log(self):
        """Mails in and out, phone, visits and the post-shipment follow-ups
        in one list, read by the merchandiser; each line on its day (a mail's
        day where its merchandiser is, with its time), not a midnight time."""
        merchandiser = self.users["merchandiser"]
        merchandiser.tz = "Asia/Shanghai"
        order = self._create_order()
        self._customer_mail(order, "2026-03-10 21:30:00", subject="Carton photos")
        self._our_mail(order, merchandiser)
        self.env["gendan.customer.contact"].sudo(merchandiser).create({
            "partner_id": self.customer.id, "channel": "fax",
            "summary": "Contract faxed"})
        self.env["gendan.visit.minutes"].sudo(merchandiser).create({
            "name": "Autumn visit", "partner_id": self.customer.id})
        follow_up = self.env.ref(
            "gendan_shipping.mail_activity_type_satisfaction",
            raise_if_not_found=False)
        if follow_up:
            done = self.env["mail.activity"].create({
                "activity_type_id": follow_up.id, "res_id": order.id,
                "res_model_id": self.env["ir.model"]._get_id("sale.order"),
                "user_id": self.users["salesperson"].id,
                "summary": "Satisfaction check SHIP-1"})
            done.action_feedback("Customer happy")
            self.env["mail.activity"].create({
                "activity_type_id": follow_up.id, "res_id": order.id,
                "res_model_id": self.env["ir.model"]._get_id("sale.order"),
                "user_id": self.users["salesperson"].id,
                "summary": "Satisfaction check SHIP-2"})
        log = self.env["gendan.contact.log"].sudo(merchandiser).search(
            [("partner_id", "=", self.customer.id)])
        kinds = set(log.mapped("kind"))
        self.assertTrue({"mail_in", "mail_out", "fax", "visit"} <= kinds, kinds)
        mail_in = log.filtered(lambda entry: entry.kind == "mail_in")
        self.assertEqual((mail_in.summary, mail_in.is_open, mail_in.order_id),
                         ("Carton photos", False, order))
        self.assertEqual(mail_in.user_id, merchandiser)
        # 21:30 UTC is 05:30 the next morning in Shanghai
        self.assertEqual((mail_in.date, mail_in.date_time),
                         ("2026-03-11", "2026-03-10 21:30:00"))
        fax = log.filtered(lambda entry: entry.kind == "fax")
        self.assertEqual((fax.date, fax.date_time), (
            fields.Date.context_today(fax), False))
        self.assertEqual(self.env["gendan.contact.log"].fields_get(
            ["date"])["date"]["type"], "date")
        self.assertEqual(mail_in.action_open_document()["res_model"],
                         "gendan.mail.reply")
        if follow_up:
            follow_ups = log.filtered(lambda entry: entry.kind == "follow_up")
            self.assertEqual(sorted(follow_ups.mapped("is_open")), [False, True])
            self.assertTrue(any("SHIP-2" in entry.summary for entry in follow_ups))
        self.assertFalse(self.env["gendan.contact.log"].sudo(
            self.users["engineer"]).check_access_rights("read", False))
