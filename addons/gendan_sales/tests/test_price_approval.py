from odoo.exceptions import AccessError, UserError

from .common import GendanSalesCase


class TestPriceApproval(GendanSalesCase):

    def _assert_not_sendable(self, order, login):
        order = order.sudo(self.users[login])
        with self.assertRefused(UserError):
            order.action_quotation_send()
        with self.assertRefused(UserError):
            order.print_quotation()
        with self.assertRefused(UserError):
            order.write({"state": "sent"})
        composer = self.env["mail.compose.message"].sudo(
            self.users[login]).with_context(
                default_model="sale.order", default_res_id=order.id,
                mark_so_as_sent=True).create({"body": "Our quotation",
                                              "subject": order.name})
        with self.assertRefused(UserError):
            composer.send_mail()
        with self.assertRefused(UserError):
            order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_unapproved_quotation_cannot_go_out(self):
        order = self._quotation()
        self.assertEqual(order.price_approval_status, "missing")
        for login in ("merchandiser", "salesperson", "sales_manager"):
            self._assert_not_sendable(order, login)
        order.sudo(self.users["merchandiser"]).action_request_price_approval()
        self.assertEqual(order.price_approval_status, "pending")
        self._assert_not_sendable(order, "salesperson")

    def test_sales_manager_sets_and_signs_the_price(self):
        order = self._quotation()
        order.sudo(self.users["merchandiser"]).action_request_price_approval()
        approval = order.price_approval_ids
        self.assertEqual(approval.state, "to_approve")
        self.assertEqual(approval.line_ids.factory_price, 9.0)
        self.assertEqual(approval.line_ids.factory_id, self.factory)
        todo = self.env["mail.activity"]._todo_open(approval, "signoff")
        self.assertIn(self.users["sales_manager"], todo.mapped("user_id"))
        # the salesperson neither changes the price now nor signs
        with self.assertRefused(UserError):
            approval.line_ids.sudo(self.users["salesperson"]).write(
                {"price_unit": 20.0})
        with self.assertRefused(UserError):
            approval.sudo(self.users["salesperson"]).action_signoff_sign()
        with self.assertRefused(UserError):
            approval.sudo(self.users["salesperson"]).write({"state": "approved"})
        manager = approval.sudo(self.users["sales_manager"])
        manager.line_ids.write({"price_unit": 12.3})
        self.assertAlmostEqual(manager.line_ids.margin_percent, 26.8, 1)
        manager.action_signoff_sign()
        self.assertEqual(approval.state, "approved")
        self.assertEqual(order.order_line.price_unit, 12.3)
        self.assertEqual(order.price_approval_status, "approved")
        with self.assertRefused(UserError):
            manager.line_ids.write({"price_unit": 1.0})  # closed
        order.sudo(self.users["salesperson"]).print_quotation()
        self.assertEqual(order.state, "sent")

    def test_price_change_voids_approval(self):
        order = self._approved_quotation()
        approval = order.price_approval_ids
        order.order_line.sudo(self.users["salesperson"]).write({"price_unit": 11.0})
        self.assertEqual(approval.state, "void")
        self.assertEqual(order.price_approval_status, "missing")
        self._assert_not_sendable(order, "salesperson")
        # a new line voids as well
        self._approve(order, price=11.5)
        self.assertEqual(order.price_approval_status, "approved")
        order.sudo(self.users["merchandiser"]).write({"order_line": [(0, 0, {
            "product_id": self.product.id, "product_uom_qty": 10,
            "price_unit": 12.0})]})
        self.assertEqual(order.price_approval_status, "missing")
        # an untouched price keeps the approval
        self._approve(order, price=11.5)
        order.order_line.write({"price_unit": 11.5})
        self.assertEqual(order.price_approval_status, "approved")

    def test_rejection_goes_back_to_draft(self):
        order = self._quotation()
        order.sudo(self.users["merchandiser"]).action_request_price_approval()
        approval = order.price_approval_ids.sudo(self.users["sales_manager"])
        approval.action_signoff_reject("Margin too low")
        self.assertEqual(approval.state, "draft")
        self.assertEqual(order.price_approval_status, "missing")
        with self.assertRefused(AccessError):
            approval.sudo(self.users["engineer"]).action_void()

    def test_existing_flows_untouched(self):
        """Orders not made from an enquiry go out as before; the company
        setting asks approval of every controlled quotation, never of an
        uncontrolled channel's."""
        order = self._create_order()
        self.assertEqual(order.price_approval_status, "not_required")
        order.sudo(self.users["salesperson"]).print_quotation()
        self.assertEqual(order.state, "sent")
        self.env.user.company_id.gendan_quote_approval_all = True
        controlled = self._create_order()
        self.assertEqual(controlled.price_approval_status, "missing")
        self._assert_not_sendable(controlled, "salesperson")
        direct = self._create_order(team_id=self.team_direct.id)
        self.assertEqual(direct.price_approval_status, "not_required")
        direct.sudo(self.users["sales_manager"]).print_quotation()
        self.assertEqual(direct.state, "sent")
