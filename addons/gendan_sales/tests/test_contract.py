import base64

from odoo.exceptions import AccessError, UserError

from odoo.addons.gendan_order.tests.common import approve_order_review

from .common import GendanSalesCase

SCAN = base64.b64encode(b"%PDF-1.4 countersigned")


class TestContract(GendanSalesCase):

    def _sent_quotation(self):
        order = self._approved_quotation()
        order.sudo(self.users["salesperson"]).print_quotation()
        return order

    def test_issue_contract(self):
        order = self._quotation()
        with self.assertRefused(UserError):
            order.sudo(self.users["salesperson"]).action_issue_contract()
        self._approve(order)
        order.sudo(self.users["salesperson"]).print_quotation()
        action = order.sudo(self.users["salesperson"]).action_issue_contract()
        self.assertEqual(action["report_name"], "gendan_sales.report_sales_contract")
        number = order.contract_number
        self.assertTrue(number.startswith("SC"))
        self.assertTrue(order.contract_date)
        order.sudo(self.users["salesperson"]).action_issue_contract()
        self.assertEqual(order.contract_number, number)  # numbered once
        with self.assertRefused(AccessError):
            order.sudo(self.users["engineer"]).action_issue_contract()

    def test_upload_countersigned_copy(self):
        order = self._sent_quotation().sudo(self.users["salesperson"])
        with self.assertRefused(UserError):
            order.write({"contract_signed_file": SCAN})  # no contract yet
        order.action_issue_contract()
        with self.assertRefused(UserError):
            order.write({"contract_signed_date": "2026-01-01"})
        order.write({"contract_signed_file": SCAN,
                     "contract_signed_filename": "signed.pdf"})
        self.assertTrue(order.contract_signed_date)

    def test_company_setting_guards_the_review(self):
        self.env.user.company_id.gendan_contract_signed_required = True
        order = self._sent_quotation()
        merchandiser = order.sudo(self.users["merchandiser"])
        merchandiser.review_line_ids.action_confirm_check()
        with self.assertRefused(UserError):
            merchandiser.action_signoff_request()
        self.assertEqual(order.signoff_state, "none")
        order.sudo(self.users["salesperson"]).action_issue_contract()
        order.sudo(self.users["salesperson"]).write({"contract_signed_file": SCAN})
        approve_order_review(order, self.users)
        self.assertEqual(order.signoff_state, "approved")
        order.sudo(self.users["salesperson"]).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_setting_off_or_uncontrolled(self):
        """Without the setting, or in an uncontrolled channel, the review
        does not wait for the contract (the gendan_order flows)."""
        order = self._create_reviewed_order()
        self.assertEqual(order.signoff_state, "approved")
        self.env.user.company_id.gendan_contract_signed_required = True
        direct = self._create_order(team_id=self.team_direct.id)
        direct.sudo(self.users["sales_manager"]).action_confirm()
        self.assertEqual(direct.state, "sale")

    def test_countersigned_copy_locked_after_review(self):
        """Once the order review used the countersigned copy (company
        setting on), the sales users can neither replace nor remove it, on
        the order or through its attachment; without the setting it stays
        free."""
        self.env.user.company_id.gendan_contract_signed_required = True
        order = self._sent_quotation()
        seller = order.sudo(self.users["salesperson"])
        seller.action_issue_contract()
        seller.write({"contract_signed_file": SCAN,
                      "contract_signed_filename": "signed.pdf"})
        # not yet used by the review: may be replaced
        seller.write({"contract_signed_file": SCAN, "contract_signed_filename":
                      "signed-v2.pdf"})
        order.sudo(self.users["merchandiser"]).review_line_ids.action_confirm_check()
        order.sudo(self.users["merchandiser"]).action_signoff_request()
        self.assertEqual(order.signoff_state, "pending")
        attachment = self.env["ir.attachment"].search([
            ("res_model", "=", "sale.order"), ("res_id", "=", order.id),
            ("res_field", "=", "contract_signed_file")])
        self.assertEqual(len(attachment), 1)
        for login in ("salesperson", "merchandiser", "sales_manager"):
            as_user = order.sudo(self.users[login])
            for vals in ({"contract_signed_file": False},
                         {"contract_signed_file": base64.b64encode(b"other")},
                         {"contract_signed_filename": "fake.pdf"}):
                with self.assertRefused(UserError):
                    as_user.write(vals)
            with self.assertRefused(UserError):
                attachment.sudo(self.users[login]).unlink()
            with self.assertRefused(UserError):
                attachment.sudo(self.users[login]).write(
                    {"datas": base64.b64encode(b"other")})
        self.env.cr.execute(
            "SELECT contract_signed_filename FROM sale_order WHERE id = %s",
            (order.id,))
        self.assertEqual(self.env.cr.fetchone()[0], "signed-v2.pdf")
        self.assertTrue(attachment.exists())
        order.invalidate_cache()
        self.assertEqual(order.contract_signed_file, SCAN)
        with self.assertRaisesRegex(UserError, "used by the order review"):
            seller.write({"contract_signed_file": False})
