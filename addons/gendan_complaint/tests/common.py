from odoo import fields

from odoo.addons.gendan_base.tests.common import GendanCase


class ComplaintCase(GendanCase):
    """Customers, products and helpers shared by the complaint tests."""

    @classmethod
    def setUpClass(cls):
        super(ComplaintCase, cls).setUpClass()
        cls.Complaint = cls.env["gendan.complaint"]
        cls.customer = cls.env["res.partner"].create({
            "name": "Nordic Audio AB", "customer": True,
            "email": "qa@nordic.example.com"})
        cls.product = cls.env["product.product"].create({
            "name": "Speaker T-50", "default_code": "T-50", "type": "consu"})
        cls.part = cls.env["product.product"].create({
            "name": "Tweeter 20 mm", "default_code": "TW-20", "type": "consu"})
        cls.cause = cls.env.ref("gendan_complaint.repair_cause_pro_01")
        cls.invoice = cls._customer_invoice(10000.0)
        cls.today = fields.Date.context_today(cls.Complaint)

    @classmethod
    def _customer_invoice(cls, amount):
        """A posted customer invoice of ``amount`` (no taxes)."""
        env = cls.env
        account = env["account.invoice.line"].get_invoice_line_account(
            "out_invoice", cls.product, False, env.user.company_id)
        invoice = env["account.invoice"].create({
            "partner_id": cls.customer.id, "type": "out_invoice",
            "invoice_line_ids": [(0, 0, {
                "name": cls.product.name, "product_id": cls.product.id,
                "account_id": account.id, "quantity": 1.0,
                "price_unit": amount})]})
        invoice.action_invoice_open()
        return invoice

    def _complaint(self, user=None, **vals):
        vals.setdefault("partner_id", self.customer.id)
        vals.setdefault("symptom", "Rattling noise at 1 kHz")
        vals.setdefault("product_ids", [(6, 0, self.product.ids)])
        vals.setdefault("user_id", self.users["qa"].id)
        return self.Complaint.sudo(user or self.users["merchandiser"]).create(vals)

    def _meeting_vals(self):
        return {
            "meeting_date": fields.Datetime.now(),
            "meeting_minutes": "<p>Line 3 stopped, sorting started.</p>",
            "meeting_attendee_ids": [(6, 0, [self.users["qa"].id,
                                             self.users["engineer"].id])],
        }

    def _discipline_vals(self, step):
        """Values completing discipline ``step`` (owner QA, done today)."""
        vals = {step + "_user_id": self.users["qa"].id, step + "_date": self.today}
        vals.update({
            "d0": {"d0_response": "Stock on hold"},
            "d1": {"team_member_ids": [(0, 0, {"user_id": self.users["qa"].id,
                                               "role": "Leader",
                                               "is_champion": True})]},
            "d2": {name: "x" for name in (
                "d2_what", "d2_where", "d2_when", "d2_who", "d2_why", "d2_how",
                "d2_how_many", "d2_is", "d2_is_not")},
            "d3": {"d3_containment": "Sorted", "d3_stock_qty": 100,
                   "d3_stock_rejected": 2},
            "d4": {"d4_why_1": "Loose screw", "d4_root_cause": "Torque too low",
                   "d4_escape_point": "No torque audit", "cause_id": self.cause.id},
            "d5": {"d5_verification": "500 pcs OK", "action_ids": [(0, 0, {
                "name": "Set torque to 0.6 Nm", "action_type": "corrective",
                "user_id": self.users["production"].id,
                "date_deadline": self.today})]},
            "d6": {"d6_validation": "Two weeks without failure"},
            "d7": {"d7_prevention": "Torque audit in control plan"},
            "d8": {"d8_closure": "Team thanked"},
        }[step])
        return vals

    def _complaint_in_analysis(self, severity="minor"):
        complaint = self._complaint(severity=severity, eightd_required=True)
        if severity != "minor":
            complaint.write(self._meeting_vals())
        complaint.sudo(self.users["qa"]).action_start_analysis()
        return complaint

    def _advance_to(self, complaint, step, user=None):
        """Fill and pass each discipline until ``step`` is the current one."""
        user = user or self.users["qa"]
        steps = ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "closed"]
        while complaint.eightd_step != step:
            current = complaint.eightd_step
            complaint.sudo(user).write(self._discipline_vals(current))
            if current == "d5":
                complaint.corrective_action_ids.sudo(user).action_done()
            complaint.sudo(user).action_eightd_next()
            self.assertEqual(complaint.eightd_step, steps[steps.index(current) + 1])
        return complaint
