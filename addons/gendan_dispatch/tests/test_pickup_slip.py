from odoo.exceptions import AccessError, UserError, ValidationError

from .common import DispatchCase

REFUSED = (AccessError, UserError, ValidationError)


class TestPickupSlip(DispatchCase):
    """Goods leave only on a pick-up slip issued after the conformity check."""

    def _picking_row(self):
        self.env.cr.execute(
            "SELECT p.state, p.date_done, array_agg(m.state ORDER BY m.id) "
            "FROM stock_picking p JOIN stock_move m ON m.picking_id = p.id "
            "WHERE p.id = %s GROUP BY p.id", (self.picking.id,))
        return self.env.cr.fetchone()

    def test_delivery_refused_without_slip(self):
        """Validate, action_done, state writes of the picking and its moves:
        all refused for the warehouse, nothing changed."""
        picking = self._prepare_delivery(self.picking).sudo(self.user_fg_wh)
        before = self._picking_row()
        for call in (picking.button_validate, picking.action_done,
                     lambda: picking.write({"state": "done"}),
                     lambda: picking.move_lines.write({"state": "done"})):
            with self.assertRefused(UserError):
                call()
        self.assertEqual(self._picking_row(), before)

    def test_checklist_from_task_order_and_requirements(self):
        """Materials per task order line, the current requirement items,
        marks, colour labels and the cards/catalogues/gifts line."""
        item = self.env["gendan.requirement.item"].sudo(self.user_merchandiser).create({
            "order_id": self.order.id, "item_type": "shipping_mark",
            "name": "Main mark HARBOR / side mark DL-20"})
        slip = self.env["gendan.pickup.slip"].sudo(self.user_merchandiser).create(
            {"picking_id": self.picking.id})
        self.assertEqual(slip.task_order_id, self.task)
        by_type = {c.check_type: c for c in slip.check_ids}
        self.assertEqual(set(by_type), {"materials", "marks", "colour_label",
                                        "enclosures"})
        self.assertIn(self.task.name, by_type["materials"].reference)
        self.assertEqual(by_type["marks"].requirement_item_id, item)
        self.assertEqual(slip.check_progress, "0/4")

    def test_issue_after_every_check_and_confirmed_photos(self):
        """Not issued with an open line or unconfirmed photos; issued, the
        warehouse gets a to-do and validates the delivery."""
        slip = self.env["gendan.pickup.slip"].sudo(self.user_merchandiser).create(
            {"picking_id": self.picking.id})
        slip.check_ids[:-1].write({"is_ok": True})
        with self.assertRefused(UserError):
            slip.action_issue()
        slip.check_ids.write({"is_ok": True})
        with self.assertRefused(UserError):
            slip.action_issue()
        self._confirmed_photos()
        slip.invalidate_cache()
        slip.action_issue()
        self.assertEqual((slip.state, slip.issued_by_id),
                         ("issued", self.user_merchandiser))
        self.assertEqual(self.picking.gendan_pickup_slip_id, slip)
        todo = self.env["mail.activity"].search([
            ("res_model", "=", "stock.picking"), ("res_id", "=", self.picking.id),
            ("gendan_key", "=", "pickup_slip"), ("user_id", "=", self.user_fg_wh.id)])
        self.assertTrue(todo)
        with self.assertRefused(UserError):
            slip.check_ids[:1].write({"is_ok": False})
        picking = self._prepare_delivery(self.picking).sudo(self.user_fg_wh)
        picking.button_validate()
        self.assertEqual(self.picking.state, "done")
        self.assertFalse(todo.exists(), "the warehouse's to-do ends with the delivery")
        with self.assertRefused(UserError):
            slip.action_cancel()

    def test_only_merchandiser_issues(self):
        self._confirmed_photos()
        slip = self.env["gendan.pickup.slip"].sudo(self.user_merchandiser).create(
            {"picking_id": self.picking.id})
        slip.check_ids.write({"is_ok": True})
        for login in ("salesperson", "fg_wh", "qa"):
            with self.assertRefused(REFUSED):
                slip.sudo(self.users[login]).action_issue()
            with self.assertRefused(REFUSED):
                slip.sudo(self.users[login]).write({"state": "issued"})
        with self.assertRefused(REFUSED):
            slip.write({"state": "issued"})
        with self.assertRefused(REFUSED):
            self.env["gendan.pickup.slip"].sudo(self.user_fg_wh).create(
                {"picking_id": self.picking.id})
        self.assertEqual(slip.state, "draft")

    def test_one_slip_per_delivery_of_an_order(self):
        Slip = self.env["gendan.pickup.slip"].sudo(self.user_merchandiser)
        Slip.create({"picking_id": self.picking.id})
        with self.assertRefused(ValidationError):
            Slip.create({"picking_id": self.picking.id})
        receipt_type = self.env.ref("stock.picking_type_in")
        receipt = self.env["stock.picking"].create({
            "picking_type_id": receipt_type.id,
            "location_id": self.env.ref("stock.stock_location_suppliers").id,
            "location_dest_id": receipt_type.default_location_dest_id.id})
        with self.assertRefused(ValidationError):
            Slip.create({"picking_id": receipt.id})

    def test_cancelled_slip_holds_again(self):
        """Cancelled, the slip no longer lets the goods out."""
        self._confirmed_photos()
        slip = self._issued_slip()
        slip.action_cancel()
        picking = self._prepare_delivery(self.picking).sudo(self.user_fg_wh)
        with self.assertRefused(UserError):
            picking.button_validate()

    def test_switched_off(self):
        self.env.user.company_id.gendan_pickup_slip_required = False
        picking = self._prepare_delivery(self.picking).sudo(self.user_fg_wh)
        picking.button_validate()
        self.assertEqual(self.picking.state, "done")
