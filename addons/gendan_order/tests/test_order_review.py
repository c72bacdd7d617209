from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.gendan_base.tests.common import render_pdf

from .common import GendanOrderCase, approve_order_review


class TestOrderReview(GendanOrderCase):

    def test_checklist_created(self):
        """A new order gets the seven review points, none confirmed."""
        order = self._create_order()
        self.assertEqual(len(order.review_line_ids), 7)
        self.assertFalse(order.review_checklist_done)
        self.assertEqual(order.merchandiser_id, self.users["merchandiser"])

    def test_confirm_unreviewed_refused(self):
        """Confirming an unreviewed order, by button or by writing the state
        over RPC, is refused and leaves the order a quotation."""
        order = self._create_order()
        with self.assertRaises(UserError):
            order.sudo(self.users["salesperson"]).action_confirm()
        with self.assertRaises(UserError):
            order.sudo(self.users["salesperson"]).write({"state": "sale"})
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.picking_ids)

    def test_request_needs_checklist(self):
        """The review signatures are asked only once the checklist is done."""
        order = self._create_order()
        with self.assertRaises(UserError):
            order.sudo(self.users["merchandiser"]).action_signoff_request()
        self.assertEqual(order.signoff_state, "none")

    def test_checklist_only_by_merchandiser(self):
        """Only a merchandiser confirms checklist points."""
        order = self._create_order()
        line = order.review_line_ids[0]
        with self.assertRaises(AccessError):
            line.sudo(self.users["salesperson"]).action_confirm_check()
        with self.assertRaises(AccessError):
            line.sudo(self.users["engineer"]).write({"is_confirmed": True})
        self.assertFalse(line.is_confirmed)
        # who confirmed and when are the button's, never typed
        for vals in ({"is_confirmed": True},
                     {"confirmed_by_id": self.users["qa"].id},
                     {"confirmed_date": "2030-01-01 08:00:00"}):
            with self.assertRaises(UserError):
                line.sudo(self.users["merchandiser"]).write(vals)
        self.env.cr.execute("SELECT is_confirmed, confirmed_by_id FROM "
                            "gendan_order_review_line WHERE id = %s", (line.id,))
        self.assertEqual(self.env.cr.fetchone(), (False, None))
        line.sudo(self.users["merchandiser"]).action_confirm_check()
        self.assertTrue(line.is_confirmed)
        self.assertEqual(line.confirmed_by_id, self.users["merchandiser"])

    def test_full_review_then_confirm(self):
        """Six roles sign; then the salesperson confirms the order."""
        order = self._create_order()
        approve_order_review(order, self.users)
        self.assertEqual(order.signoff_state, "approved")
        self.assertEqual(order.signoff_progress, "6/6")
        self.assertTrue(order.review_date)
        self.assertEqual(order.milestone_review_state, "done")
        order.sudo(self.users["salesperson"]).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_signing_rules(self):
        """Wrong role, signing twice and the merchandiser before the
        departments are refused; nothing is signed."""
        order = self._create_order()
        order.review_line_ids.sudo(self.users["merchandiser"]).action_confirm_check()
        order.sudo(self.users["merchandiser"]).action_signoff_request()
        with self.assertRaises(UserError):
            order.sudo(self.users["finance"]).action_signoff_sign()
        with self.assertRaises(UserError):
            order.sudo(self.users["merchandiser"]).action_signoff_sign()
        self.assertEqual(order.signoff_progress, "0/6")
        order.sudo(self.users["qa"]).action_signoff_sign()
        with self.assertRaises(UserError):
            order.sudo(self.users["qa"]).action_signoff_sign()
        self.assertEqual(order.signoff_progress, "1/6")
        self.assertTrue(order.sudo(self.users["engineer"]).signoff_waiting_me)

    def test_change_after_review_asks_again(self):
        """Changing the order lines of a reviewed quotation asks for a new
        review; the checklist keeps its confirmations."""
        order = self._create_reviewed_order()
        order.sudo(self.users["merchandiser"]).write({
            "order_line": [(1, order.order_line.id, {"product_uom_qty": 150})]})
        self.assertEqual(order.signoff_state, "pending")
        self.assertFalse(order.review_date)
        with self.assertRaises(UserError):
            order.sudo(self.users["salesperson"]).action_confirm()

    def test_reject_review(self):
        """A department rejects with a reason: the order cannot be confirmed."""
        order = self._create_order()
        order.review_line_ids.sudo(self.users["merchandiser"]).action_confirm_check()
        order.sudo(self.users["merchandiser"]).action_signoff_request()
        order.sudo(self.users["production"]).action_signoff_reject(
            "Capacity full in March")
        self.assertEqual(order.signoff_state, "rejected")
        self.assertEqual(order.state, "draft")

    def test_negative_quantity_or_price(self):
        """Negative quantities and prices are refused."""
        with self.assertRefused(ValidationError):
            self._create_order(qty=-5)
        order = self._create_order()
        with self.assertRefused(ValidationError):
            order.order_line.sudo(self.users["merchandiser"]).write(
                {"price_unit": -1.0})
        self.assertEqual(order.order_line.price_unit, 12.5)

    def test_review_sheet_report(self):
        """The review sheet prints the checklist, PO and signatures."""
        order = self._create_reviewed_order(customer_po="HHG-9001")
        report = self.env.ref("gendan_order.action_report_order_review")
        html = report.render_qweb_html(order.ids)[0].decode("utf-8")
        self.assertIn("订单评审表", html)
        self.assertIn("HHG-9001", html)
        self.assertIn(self.users["qa"].name, html)
        self.assertTrue(render_pdf(report, order.ids).startswith(b"%PDF"))

    def test_core_groups_implied(self):
        """Gendan roles bring the matching core Sales/MRP/Invoicing roles."""
        self.assertTrue(self.users["salesperson"].has_group(
            "sales_team.group_sale_salesman"))
        self.assertTrue(self.users["sales_manager"].has_group(
            "sales_team.group_sale_manager"))
        self.assertTrue(self.users["merchandiser"].has_group(
            "sales_team.group_sale_salesman_all_leads"))
        self.assertTrue(self.users["production"].has_group("mrp.group_mrp_user"))
        self.assertTrue(self.users["finance"].has_group(
            "account.group_account_invoice"))
