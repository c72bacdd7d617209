import base64

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import GendanOrderCase


class TestRequirementItem(GendanOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestRequirementItem, cls).setUpClass()
        cls.order = cls._create_order()
        cls.attachment = cls.env["ir.attachment"].create({
            "name": "colour_box.pdf", "datas_fname": "colour_box.pdf",
            "datas": base64.b64encode(b"%PDF-1.4 artwork")})

    def _create_item(self, **vals):
        values = {"name": "Colour box artwork", "order_id": self.order.id,
                  "item_type": "color_box"}
        values.update(vals)
        return self.env["gendan.requirement.item"].sudo(
            self.users["merchandiser"]).create(values)

    def test_sla_and_archive_path(self):
        """Due date = order date + 7 working days; archive year/month/order."""
        item = self._create_item()
        expected = self.env["gendan.sla"].add_working_days(
            self.order.date_order, 7, self.order.company_id)
        self.assertEqual(item.sla_deadline, fields.Date.to_string(expected))
        date = self.order.date_order
        self.assertEqual(item.archive_path, "%s/%s/%s/color_box-v1" % (
            date[:4], date[5:7], self.order.name))
        self.assertEqual(self.order.milestone_data_state, "todo")

    def test_receive_needs_attachment(self):
        """Marking data received without a file is refused."""
        item = self._create_item()
        with self.assertRaises(ValidationError):
            item.sudo(self.users["merchandiser"]).action_receive()
        self.assertEqual(item.state, "waiting")

    def test_steps_in_order(self):
        """waiting -> received -> approved, never skipping a step."""
        item = self._create_item(attachment_ids=[(6, 0, self.attachment.ids)])
        merch = self.users["merchandiser"]
        with self.assertRaises(UserError):
            item.sudo(merch).action_approve()
        with self.assertRaises(UserError):
            item.sudo(merch).write({"state": "approved"})
        item.sudo(merch).action_receive()
        item.sudo(merch).action_approve()
        self.assertEqual(item.state, "approved")
        self.assertTrue(item.approved_date)
        self.assertEqual(self.order.milestone_data_state, "done")

    def test_new_version_supersedes(self):
        """A new version replaces the current one, which stays as history
        and cannot be changed."""
        item = self._create_item(attachment_ids=[(6, 0, self.attachment.ids)])
        merch = self.users["merchandiser"]
        item.sudo(merch).action_receive()
        action = item.sudo(merch).action_new_version()
        new = self.env["gendan.requirement.item"].browse(action["res_id"])
        self.assertEqual(new.version, 2)
        self.assertTrue(new.is_current)
        self.assertEqual(new.state, "waiting")
        self.assertEqual(new.previous_id, item)
        self.assertFalse(item.is_current)
        self.assertEqual(item.next_id, new)
        self.assertEqual(self.order.requirement_item_ids, new)
        with self.assertRaises(UserError):
            item.sudo(merch).write({"name": "Changed"})
        with self.assertRaises(UserError):
            new.sudo(merch).write({"is_current": False})
        with self.assertRaises(UserError):
            item.sudo(merch).action_new_version()

    def test_departments_read_only(self):
        """Purchasing, QA, production and engineering see the data but
        cannot change it."""
        item = self._create_item()
        for login in ("purchaser", "qa", "production", "engineer"):
            self.assertEqual(item.sudo(self.users[login]).name,
                             "Colour box artwork")
            with self.assertRaises(AccessError):
                item.sudo(self.users[login]).write({"name": "x"})
