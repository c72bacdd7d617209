from odoo.exceptions import AccessError, UserError, ValidationError

from .common import DispatchCase

REFUSED = (AccessError, UserError, ValidationError)


class TestQaCheck(DispatchCase):
    """Finished goods enter stock only after QA passed them."""

    def _mo_state(self):
        self.env.cr.execute("SELECT state FROM mrp_production WHERE id = %s",
                            (self.mo.id,))
        return self.env.cr.fetchone()[0]

    def test_mo_not_done_without_qa_pass(self):
        """Mark done, posting the goods and state writes of the MO and of
        its finished moves are refused; the database is unchanged."""
        mo = self._start_mo()
        self.assertEqual(mo.gendan_qa_state, "missing")
        for call in (mo.button_mark_done, mo.post_inventory,
                     lambda: mo.write({"state": "done"}),
                     lambda: mo.move_finished_ids.write({"state": "done"})):
            with self.assertRefused(UserError):
                call()
        self.assertEqual(self._mo_state(), "progress")
        self.assertFalse(self.mo.move_finished_ids.filtered(
            lambda m: m.state == "done"))

    def test_qa_pass_lets_the_goods_in(self):
        """Production asks, QA gets the to-do and passes: the MO is done."""
        mo = self._start_mo()
        action = mo.action_gendan_request_qa()
        check = self.env["gendan.qa.check"].browse(action["res_id"])
        self.assertEqual(check.sale_order_id, self.order)
        self.assertEqual(check.state, "to_check")
        todo = self.env["mail.activity"].search([
            ("res_model", "=", check._name), ("res_id", "=", check.id),
            ("user_id", "=", self.user_qa.id), ("gendan_key", "=", "qa_check")])
        self.assertTrue(todo)
        self.assertEqual(mo.gendan_qa_state, "to_check")
        with self.assertRefused(UserError):
            mo.button_mark_done()
        check.sudo(self.user_qa).action_pass()
        self.assertEqual(check.checked_by_id, self.user_qa)
        self.assertFalse(todo.exists())
        mo.button_mark_done()
        self.assertEqual(self.mo.state, "done")

    def test_failed_check_holds_until_rechecked(self):
        """A failed check needs findings, holds the MO, and is checked again."""
        mo = self._start_mo()
        check = self.env["gendan.qa.check"].sudo(self.user_production).create(
            {"production_id": mo.id})
        qa_check = check.sudo(self.user_qa)
        with self.assertRefused(UserError):
            qa_check.action_fail()
        qa_check.write({"result_note": "Labels crooked on 12 cartons"})
        qa_check.action_fail()
        self.assertEqual(mo.gendan_qa_state, "failed")
        with self.assertRefused(UserError):
            mo.button_mark_done()
        check.action_recheck()
        qa_check.action_pass()
        mo.button_mark_done()
        self.assertEqual(self.mo.state, "done")

    def test_only_qa_decides(self):
        """Production, warehouse and merchandiser cannot pass a check, nor
        write its state; QA cannot skip the check by writing it."""
        check = self.env["gendan.qa.check"].sudo(self.user_production).create(
            {"production_id": self.mo.id})
        for login in ("production", "fg_wh", "merchandiser"):
            with self.assertRefused(REFUSED):
                check.sudo(self.users[login]).action_pass()
        for login in ("production", "qa"):
            with self.assertRefused(REFUSED):
                check.sudo(self.users[login]).write({"state": "passed"})
        with self.assertRefused(REFUSED):
            self.env["gendan.qa.check"].sudo(self.user_qa).create(
                {"production_id": self.mo.id, "state": "passed"})
        self.assertEqual(check.state, "to_check")

    def test_bad_input(self):
        """A check is for one MO or one receipt, not a delivery; no negative
        quantity."""
        Check = self.env["gendan.qa.check"].sudo(self.user_production)
        with self.assertRefused(ValidationError):
            Check.create({})
        with self.assertRefused(ValidationError):
            Check.create({"picking_id": self.picking.id})
        with self.assertRefused(ValidationError):
            Check.create({"production_id": self.mo.id, "quantity": -1})

    def test_uncontrolled_or_switched_off_not_held(self):
        """The check applies to controlled orders of a company asking it."""
        self._start_mo()
        self.assertEqual(self.mo.gendan_qa_state, "missing")
        self.env.user.company_id.gendan_qa_receipt_required = False
        self.mo.invalidate_cache()
        self.assertEqual(self.mo.gendan_qa_state, "na")
        self.mo.sudo(self.user_production).button_mark_done()
        self.assertEqual(self.mo.state, "done")

    def test_receipt_of_outsourced_goods(self):
        """Goods bought for the order (its procurement group): the receipt
        is validated only after QA passed them."""
        supplier = self.env["res.partner"].create(
            {"name": "Yuyao Lamp Works", "supplier": True})
        purchase = self.env["purchase.order"].sudo(self.user_purchaser).create({
            "partner_id": supplier.id,
            "group_id": self.order.procurement_group_id.id,
            "order_line": [(0, 0, {
                "product_id": self.product.id, "name": self.product.name,
                "product_qty": 100, "price_unit": 8.0,
                "product_uom": self.product.uom_id.id,
                "date_planned": "2099-01-01 00:00:00"})]})
        purchase.button_confirm()
        receipt = purchase.picking_ids.sudo(self.user_fg_wh)
        self.assertEqual(receipt._gendan_qa_sale_order(), self.order)
        self.assertEqual(receipt.gendan_qa_state, "missing")
        for move in receipt.move_lines:
            move.quantity_done = move.product_uom_qty
        for call in (receipt.button_validate, receipt.action_done,
                     lambda: receipt.write({"state": "done"}),
                     lambda: receipt.move_lines.write({"state": "done"})):
            with self.assertRefused(UserError):
                call()
        self.assertEqual(receipt.state, "assigned")
        action = receipt.action_gendan_request_qa()
        self.env["gendan.qa.check"].browse(action["res_id"]).sudo(
            self.user_qa).action_pass()
        receipt.button_validate()
        self.assertEqual(receipt.state, "done")
